package dev.m365.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class GlobalOptions {

    @Option(names = { "-o", "--output" }, paramLabel = "<format>",
            description = "json (default), text, table, tsv, csv, md or none. Config: m365.output.")
    String output;

    @Option(names = "--query", paramLabel = "<jmespath>", description = "JMESPath query applied to the result (https://jmespath.org).")
    String query;

    @Option(names = "--connection", paramLabel = "<name>",
            description = "Use this named connection for this command only. Env: M365_CONNECTION.")
    String connection;

    @Option(names = "--verbose", description = "Log what m365 does to stderr (CLIMICROSOFT365_VERBOSE).")
    boolean verbose;

    @Option(names = "--debug", description = "Log requests, responses and timings to stderr, secrets redacted (CLIMICROSOFT365_DEBUG).")
    boolean debug;
}
