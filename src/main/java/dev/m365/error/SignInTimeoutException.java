package dev.m365.error;

/** The sign-in was not completed in time. */
public class SignInTimeoutException extends M365Exception {

    public SignInTimeoutException(String message) {
        super(message);
    }

    public SignInTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
