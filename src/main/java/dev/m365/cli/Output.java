package dev.m365.cli;

import java.util.Optional;

import dev.m365.config.Settings;
import dev.m365.log.Diagnostics;
import dev.m365.output.OutputFormat;
import dev.m365.output.Printer;

/** The run's output choices (from {@link GlobalOptions} and configuration) and the one way commands print. */
public class Output {

    private final Printer printer;
    private final Diagnostics diagnostics;
    private final Settings settings;
    private OutputFormat format = OutputFormat.json;

    public Output(Printer printer, Diagnostics diagnostics, Settings settings) {
        this.printer = printer;
        this.diagnostics = diagnostics;
        this.settings = settings;
    }

    void begin(GlobalOptions options) {
        boolean debug = options.debug || settings.debug();
        boolean verbose = options.verbose || settings.verbose();
        diagnostics.level(debug ? Diagnostics.Level.DEBUG : verbose ? Diagnostics.Level.VERBOSE : Diagnostics.Level.QUIET);
        format = Optional.ofNullable(options.output).map(o -> OutputFormat.parse(o, "--output"))
                .or(() -> settings.output().map(o -> OutputFormat.parse(o, settings.origin("m365.output"))))
                .orElse(OutputFormat.json);
    }

    public OutputFormat format() {
        return format;
    }

    public void print(Object result) {
        printer.print(result, format);
    }

    /** A sentence for the user on stderr (stdout stays the result). */
    public void note(String message) {
        System.err.println(message);
        System.err.flush();
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
