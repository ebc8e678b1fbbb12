package dev.m365.error;

/** A service answered an authenticated request with an error status. */
public class RequestFailedException extends M365Exception {

    public RequestFailedException(String message) {
        super(message);
    }

    public RequestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
