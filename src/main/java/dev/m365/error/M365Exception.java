package dev.m365.error;

/**
 * Base of every failure m365 reports to the user. The message is the one line printed on stderr: it names the
 * problem and the fix, and never contains a secret. {@link ExitCodes} maps each subtype to its exit code.
 */
public abstract class M365Exception extends RuntimeException {

    protected M365Exception(String message) {
        super(message);
    }

    protected M365Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
