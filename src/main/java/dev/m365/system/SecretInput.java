package dev.m365.system;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.m365.error.UsageException;
import dev.m365.log.Redactor;

/**
 * Secrets from where they are safe to pass: standard input (option value {@code -}) or a prompt on the terminal
 * without echo. Every secret read is registered with the {@link Redactor} for the rest of the run.
 */
public class SecretInput {

    private final InputStream stdin;
    private final Console console;
    private final Redactor redactor;
    private boolean stdinUsed;

    public SecretInput(InputStream stdin, Console console, Redactor redactor) {
        this.stdin = stdin;
        this.console = console;
        this.redactor = redactor;
    }

    /** The value of a secret option: itself, or standard input when it is {@code -}. */
    public String resolve(String option, String value) {
        String secret = value.equals("-") ? readStdin(option) : value;
        redactor.register(secret);
        return secret;
    }

    public String readStdin(String option) {
        if (stdinUsed) {
            throw new UsageException("Only one secret can come from standard input; " + option
                    + " also asked for it. Pass the other one by file or environment variable.");
        }
        stdinUsed = true;
        try {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (text.isEmpty()) {
                throw new UsageException(option + " - read nothing from standard input: pipe the secret in, e.g. "
                        + "`printf %s \"$SECRET\" | m365 login ... " + option + " -`.");
            }
            redactor.register(text);
            return text;
        } catch (IOException e) {
            throw new UsageException("Cannot read " + option + " from standard input: " + e.getMessage() + ".");
        }
    }

    /** Asks on the terminal without echo; empty when there is no terminal (pipelines). */
    public Optional<String> prompt(String label) {
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s: ", label);
        if (typed == null || typed.length == 0) {
            return Optional.empty();
        }
        String secret = new String(typed);
        java.util.Arrays.fill(typed, ' ');
        redactor.register(secret);
        return Optional.of(secret);
    }
}
