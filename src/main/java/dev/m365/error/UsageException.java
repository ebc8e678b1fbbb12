package dev.m365.error;

/** Bad input: an option, argument or configuration value is invalid. */
public class UsageException extends M365Exception {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
