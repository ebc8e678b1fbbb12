package dev.m365.error;

/** The user interrupted an operation (Ctrl-C) before anything was stored. */
public class CancelledException extends M365Exception {

    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
