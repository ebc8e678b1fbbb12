package dev.m365.system;

import java.io.PrintStream;

/**
 * The user's side channel: instructions (device codes, URLs) and prompts go to stderr so stdout stays clean JSON
 * for scripts.
 */
public class Terminal {

    private final PrintStream err;

    public Terminal(PrintStream err) {
        this.err = err;
    }

    /** Something the user must read or do. */
    public void instruct(String message) {
        err.println(message);
        err.flush();
    }
}
