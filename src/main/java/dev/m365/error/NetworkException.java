package dev.m365.error;

/** Entra or a service could not be reached. */
public class NetworkException extends M365Exception {

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
