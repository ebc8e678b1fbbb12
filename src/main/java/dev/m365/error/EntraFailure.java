package dev.m365.error;

/** The classes of Entra failure a user (or script) can act on; each has its exit code in {@link ExitCodes}. */
public enum EntraFailure {
    BAD_CREDENTIALS,
    INTERACTION_REQUIRED,
    CONSENT_REQUIRED,
    APP_OR_TENANT_UNKNOWN,
    ASSERTION_REJECTED,
    LOGIN_EXPIRED,
    DECLINED,
    TIMED_OUT,
    PROTOCOL,
    THROTTLED,
    OTHER
}
