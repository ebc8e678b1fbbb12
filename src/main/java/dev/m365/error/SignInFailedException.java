package dev.m365.error;

/** The sign-in protocol failed in a way the user cannot fix by retrying credentials. */
public class SignInFailedException extends M365Exception {

    public SignInFailedException(String message) {
        super(message);
    }

    public SignInFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
