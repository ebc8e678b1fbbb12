package dev.m365.cli;

import java.util.Optional;

import dev.m365.auth.SelectedConnection;
import dev.m365.config.Settings;
import dev.m365.log.Diagnostics;
import dev.m365.output.OutputFormat;
import dev.m365.output.Query;

/**
 * This run's choices from {@link GlobalOptions} and configuration: output format, query, diagnostics level and
 * which named connection to use. Set once when the command starts.
 */
public class Invocation implements SelectedConnection {

    private final Settings settings;
    private final Diagnostics diagnostics;
    private OutputFormat format = OutputFormat.json;
    private boolean formatChosen;
    private Optional<Query> query = Optional.empty();
    private Optional<String> connection = Optional.empty();

    public Invocation(Settings settings, Diagnostics diagnostics) {
        this.settings = settings;
        this.diagnostics = diagnostics;
    }

    void begin(GlobalOptions options) {
        boolean debug = options.debug || settings.debug();
        boolean verbose = options.verbose || settings.verbose();
        diagnostics.level(debug ? Diagnostics.Level.DEBUG : verbose ? Diagnostics.Level.VERBOSE : Diagnostics.Level.QUIET);
        Optional<OutputFormat> chosen = Optional.ofNullable(options.output).map(o -> OutputFormat.parse(o, "--output"))
                .or(() -> settings.output().map(o -> OutputFormat.parse(o, settings.origin("m365.output"))));
        formatChosen = chosen.isPresent();
        format = chosen.orElse(OutputFormat.json);
        query = Optional.ofNullable(options.query).map(Query::parse);
        connection = Optional.ofNullable(options.connection).or(settings::connection);
    }

    public OutputFormat format() {
        return format;
    }

    /** Errors are printed as JSON only when JSON output was asked for explicitly. */
    public boolean jsonErrors() {
        return formatChosen && format == OutputFormat.json;
    }

    public Optional<Query> query() {
        return query;
    }

    /** The named connection this run uses ({@code --connection} or {@code M365_CONNECTION}), if one was named. */
    @Override
    public Optional<String> connectionName() {
        return connection;
    }
}
