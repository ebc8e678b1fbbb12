package dev.m365.error;

/** The one place that maps a failure to its exit code. */
public final class ExitCodes {

    private ExitCodes() {
    }

    public static ExitCode of(Throwable failure) {
        if (failure instanceof EntraException entra) {
            return of(entra.failure());
        }
        if (failure instanceof UsageException) {
            return ExitCode.USAGE;
        }
        if (failure instanceof NotLoggedInException) {
            return ExitCode.NOT_LOGGED_IN;
        }
        if (failure instanceof LoginExpiredException) {
            return ExitCode.LOGIN_EXPIRED;
        }
        if (failure instanceof SignInDeclinedException) {
            return ExitCode.SIGN_IN_DECLINED;
        }
        if (failure instanceof SignInTimeoutException) {
            return ExitCode.SIGN_IN_TIMEOUT;
        }
        if (failure instanceof SignInFailedException) {
            return ExitCode.SIGN_IN_FAILED;
        }
        if (failure instanceof NetworkException) {
            return ExitCode.NETWORK;
        }
        if (failure instanceof StoreException) {
            return ExitCode.STORE;
        }
        if (failure instanceof RequestFailedException) {
            return ExitCode.REQUEST_FAILED;
        }
        if (failure instanceof CancelledException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.INTERNAL;
    }

    public static ExitCode of(EntraFailure failure) {
        switch (failure) {
            case BAD_CREDENTIALS:
                return ExitCode.BAD_CREDENTIALS;
            case INTERACTION_REQUIRED:
                return ExitCode.INTERACTION_REQUIRED;
            case CONSENT_REQUIRED:
                return ExitCode.CONSENT_REQUIRED;
            case APP_OR_TENANT_UNKNOWN:
                return ExitCode.APP_OR_TENANT_UNKNOWN;
            case ASSERTION_REJECTED:
                return ExitCode.ASSERTION_REJECTED;
            case LOGIN_EXPIRED:
                return ExitCode.LOGIN_EXPIRED;
            case DECLINED:
                return ExitCode.SIGN_IN_DECLINED;
            case TIMED_OUT:
                return ExitCode.SIGN_IN_TIMEOUT;
            case PROTOCOL:
                return ExitCode.SIGN_IN_FAILED;
            case THROTTLED:
                return ExitCode.NETWORK;
            default:
                return ExitCode.SIGN_IN_FAILED;
        }
    }
}
