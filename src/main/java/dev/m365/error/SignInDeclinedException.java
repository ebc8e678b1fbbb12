package dev.m365.error;

/** The user declined the sign-in (device code declined, browser consent denied). */
public class SignInDeclinedException extends M365Exception {

    public SignInDeclinedException(String message) {
        super(message);
    }

    public SignInDeclinedException(String message, Throwable cause) {
        super(message, cause);
    }
}
