package dev.m365.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.m365.error.EntraException;
import dev.m365.error.ExitCode;
import dev.m365.json.Json;
import dev.m365.error.ExitCodes;
import dev.m365.error.M365Exception;
import dev.m365.log.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints every failure as one line on stderr, the problem and the fix, and returns its exit code. Stack traces only
 * with {@code --debug}, redacted like every other diagnostic line.
 */
@Singleton
public class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final Diagnostics diagnostics;
    private final Invocation invocation;
    private final Json json;

    public ErrorReporter(Diagnostics diagnostics, Invocation invocation, Json json) {
        this.diagnostics = diagnostics;
        this.invocation = invocation;
        this.json = json;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = sentence(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        line(cmd.getErr(), message + " See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        M365Exception known = find(ex);
        String message = known != null ? known.getMessage()
                : "Unexpected error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": "
                        + ex.getMessage()) + ". Rerun with --debug for details and report it.";
        ExitCode code = ExitCodes.of(known != null ? known : ex);
        if (invocation.jsonErrors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", diagnostics.redactor().redact(sentenceCase(message.replace('\n', ' ').strip())));
            error.put("exitCode", code.code());
            if (known instanceof EntraException entra) {
                error.put("code", entra.error().label());
            }
            cmd.getErr().println(new String(json.write(error), java.nio.charset.StandardCharsets.UTF_8));
            cmd.getErr().flush();
        } else {
            line(cmd.getErr(), message);
        }
        if (diagnostics.debugging()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            cmd.getErr().println(diagnostics.redactor().redact(trace.toString()));
        }
        return code.code();
    }

    private void line(PrintWriter err, String message) {
        err.println(diagnostics.redactor().redact(sentenceCase(message.replace('\n', ' ').strip())));
        err.flush();
    }

    /** "option --tenant ..." reads as a sentence; a key such as "m365.cloud ..." keeps its spelling. */
    private static String sentenceCase(String text) {
        return text.matches("[a-z]+\\b.*") ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    /** The failure may arrive wrapped (bean creation, picocli); the user's message is on the m365 exception. */
    static M365Exception find(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof M365Exception m365) {
                return m365;
            }
        }
        return null;
    }
}
