package dev.m365.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class GlobalOptions {

    @Option(names = { "-o", "--output" }, paramLabel = "<format>",
            description = "Output format: json (default), text or none. Config: m365.output.")
    String output;

    @Option(names = "--verbose", description = "Log what m365 does to stderr (CLIMICROSOFT365_VERBOSE).")
    boolean verbose;

    @Option(names = "--debug", description = "Log requests, responses and timings to stderr, secrets redacted (CLIMICROSOFT365_DEBUG).")
    boolean debug;
}
