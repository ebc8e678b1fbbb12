package dev.m365.error;

/**
 * The one exit-code table of the CLI. README and {@code m365 --help} are generated from it, so a script can tell
 * "not logged in" from "network down" from "bad input".
 */
public enum ExitCode {
    OK(0, "Success."),
    INTERNAL(1, "Unexpected internal error; rerun with --debug and report it."),
    USAGE(2, "Bad input: unknown or invalid option, argument or configuration value."),
    NOT_LOGGED_IN(3, "Not logged in: `status` found no connection, or the command needs one."),
    LOGIN_EXPIRED(4, "Login needed: the connection can no longer get tokens silently (refresh token expired or revoked, sign-in frequency); sign in again."),
    SIGN_IN_DECLINED(5, "The user declined or denied the sign-in."),
    SIGN_IN_TIMEOUT(6, "The sign-in was not completed in time (device code expired, browser sign-in timed out)."),
    SIGN_IN_FAILED(7, "The sign-in protocol failed (unknown or already used code, PKCE or state mismatch, unexpected answer)."),
    BAD_CREDENTIALS(8, "Wrong or unknown user name, password, client secret or certificate."),
    INTERACTION_REQUIRED(9, "MFA or Conditional Access needs an interactive sign-in (device code or browser)."),
    CONSENT_REQUIRED(10, "The app has no consent in the tenant: see `m365 --reconsent`."),
    APP_OR_TENANT_UNKNOWN(11, "The app id, tenant or resource is unknown in this cloud."),
    ASSERTION_REJECTED(12, "A client assertion or federated token was rejected (signature, time range, no matching federated credential)."),
    NETWORK(13, "Entra or a service could not be reached (DNS, connection, proxy, TLS, timeout)."),
    STORE(14, "The connection store could not be read or written (locked, tampered, wrong key, permissions)."),
    REQUEST_FAILED(15, "An authenticated request got an error response from the service."),
    INTERRUPTED(130, "Interrupted (Ctrl-C); nothing was stored.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
