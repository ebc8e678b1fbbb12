package dev.m365.error;

/** No connection exists for what the command needs. */
public class NotLoggedInException extends M365Exception {

    public NotLoggedInException(String message) {
        super(message);
    }

    public NotLoggedInException(String message, Throwable cause) {
        super(message, cause);
    }
}
