package dev.m365.log;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What {@code --verbose} and {@code --debug} print on stderr: what m365 does, requests, responses and timings, every
 * line passed through the {@link Redactor}. Off by default; stdout is never touched.
 */
public class Diagnostics {

    public enum Level {
        QUIET,
        VERBOSE,
        DEBUG
    }

    private final Redactor redactor;
    private final PrintStream err;
    private volatile Level level = Level.QUIET;

    public Diagnostics(Redactor redactor, PrintStream err) {
        this.redactor = redactor;
        this.err = err;
    }

    public void level(Level newLevel) {
        this.level = newLevel;
    }

    public boolean debugging() {
        return level == Level.DEBUG;
    }

    public void verbose(Supplier<String> message) {
        if (level != Level.QUIET) {
            err.println("[m365] " + redactor.redact(message.get()));
        }
    }

    public void debug(Supplier<String> message) {
        if (level == Level.DEBUG) {
            err.println("[m365 debug] " + redactor.redact(message.get()));
        }
    }

    public Redactor redactor() {
        return redactor;
    }
}
