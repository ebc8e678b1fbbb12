package dev.m365.error;

/** The connection store could not be read or written; stored data is left as it was. */
public class StoreException extends M365Exception {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
