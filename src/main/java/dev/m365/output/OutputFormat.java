package dev.m365.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.m365.error.UsageException;

/** How results are printed on stdout: the CLI for Microsoft 365's formats and the Azure CLI's. */
public enum OutputFormat {
    json,
    text,
    table,
    tsv,
    csv,
    md,
    none;

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static OutputFormat parse(String value, String origin) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        throw new UsageException(origin + " '" + value + "' is not an output format: use one of " + names() + ".");
    }
}
