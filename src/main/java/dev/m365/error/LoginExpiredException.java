package dev.m365.error;

/** A connection exists but can no longer obtain tokens without the user signing in again. */
public class LoginExpiredException extends M365Exception {

    public LoginExpiredException(String message) {
        super(message);
    }

    public LoginExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
