package dev.m365.error;

/** Entra refused a request. The message is already the one line for the user: what happened, the code, the fix. */
public class EntraException extends M365Exception {

    private final EntraError error;
    private final EntraFailure failure;

    public EntraException(String message, EntraError error, EntraFailure failure) {
        super(message);
        this.error = error;
        this.failure = failure;
    }

    public EntraError error() {
        return error;
    }

    public EntraFailure failure() {
        return failure;
    }
}
