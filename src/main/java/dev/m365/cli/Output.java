package dev.m365.cli;

import dev.m365.output.OutputFormat;
import dev.m365.output.Printer;

/** The one way commands print: results on stdout in this run's format, notes for the user on stderr. */
public class Output {

    private final Printer printer;
    private final Invocation invocation;

    public Output(Printer printer, Invocation invocation) {
        this.printer = printer;
        this.invocation = invocation;
    }

    /** Applies the global options; called once as the command starts. */
    void begin(GlobalOptions options) {
        invocation.begin(options);
    }

    public void print(Object result) {
        printer.print(result, invocation.format(), invocation.query());
    }

    public OutputFormat format() {
        return invocation.format();
    }

    /** A sentence for the user on stderr (stdout stays the result). */
    public void note(String message) {
        System.err.println(message);
        System.err.flush();
    }
}
