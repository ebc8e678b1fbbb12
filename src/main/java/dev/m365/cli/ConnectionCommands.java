package dev.m365.cli;

import java.util.Comparator;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.error.NotLoggedInException;
import dev.m365.error.UsageException;
import dev.m365.auth.ConnectionSelector;
import dev.m365.store.ConnectionExport;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code m365 connection ...}: the named connections {@code m365 login --connectionName} made. */
@Command(name = "connection", mixinStandardHelpOptions = true,
        description = "Named connections: list them, choose the one in use, rename or remove one. "
                + "`--connection <name>` (or M365_CONNECTION) picks one for a single command.",
        subcommands = { ConnectionCommands.List.class, ConnectionCommands.Use.class, ConnectionCommands.Set.class,
                ConnectionCommands.Remove.class, ConnectionCommands.Export.class })
public class ConnectionCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @JsonPropertyOrder({ "connectionName", "connectedAs", "authType", "appId", "appTenant", "cloudType", "identityType", "active" })
    record Summary(String connectionName, String connectedAs, String authType, String appId, String appTenant,
            String cloudType, String identityType, boolean active) {
        static Summary of(Connection c, boolean active) {
            return new Summary(c.name(), c.identity().name(), c.authType().name(), c.appId(), c.tenant(),
                    c.cloud().name(), c.identity().kind().name(), active);
        }
    }

    static String name(String option, String positional) {
        return Optional.ofNullable(option).or(() -> Optional.ofNullable(positional))
                .orElseThrow(() -> new UsageException("Name the connection: --name <name> (see `m365 connection list`)."));
    }

    static Connection existing(StoreData data, String name) {
        return data.connection(name).orElseThrow(() -> new NotLoggedInException("No connection is named '" + name
                + "': see `m365 connection list`."));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the connections; `active` marks the one in use.")
    public static class List extends M365Subcommand {
        private final ConnectionStore store;

        public List(Output output, ConnectionStore store) {
            super(output);
            this.store = store;
        }

        @Override
        protected int run() {
            StoreData data = store.read();
            output.print(data.connections().values().stream().sorted(Comparator.comparing(Connection::name))
                    .map(c -> Summary.of(c, c.name().equals(data.active()))).toList());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a connection the one in use.")
    public static class Use extends M365Subcommand {
        @Option(names = { "-n", "--name" }, paramLabel = "<name>", description = "The connection.")
        String name;

        @Parameters(arity = "0..1", paramLabel = "<name>", description = "The connection.")
        String positional;

        private final ConnectionStore store;

        public Use(Output output, ConnectionStore store) {
            super(output);
            this.store = store;
        }

        @Override
        protected int run() {
            String wanted = name(name, positional);
            StoreData updated = store.update(data -> data.withActiveConnection(existing(data, wanted)));
            output.print(ConnectionView.of(updated.activeConnection().orElseThrow(), updated.services()));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Rename a connection.")
    public static class Set extends M365Subcommand {
        @Option(names = { "-n", "--name" }, paramLabel = "<name>", description = "The connection.")
        String name;

        @Parameters(arity = "0..1", paramLabel = "<name>", description = "The connection.")
        String positional;

        @Option(names = "--newName", required = true, paramLabel = "<name>", description = "Its new name.")
        String newName;

        private final ConnectionStore store;

        public Set(Output output, ConnectionStore store) {
            super(output);
            this.store = store;
        }

        @Override
        protected int run() {
            String wanted = name(name, positional);
            store.update(data -> {
                Connection connection = existing(data, wanted);
                if (data.connection(newName).isPresent()) {
                    throw new UsageException("A connection named '" + newName + "' already exists: remove it or choose another name.");
                }
                StoreData renamed = data.withoutConnection(wanted);
                return wanted.equals(data.active()) ? renamed.withActiveConnection(connection.withName(newName))
                        : renamed.withConnection(connection.withName(newName));
            });
            return ExitCode.OK.code();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a connection (the one in use, or --connection) for the Kubernetes secret-volume store: "
                    + "a Secret manifest for `kubectl apply -f -`, or the files a Secret volume holds.")
    public static class Export extends M365Subcommand {
        @Option(names = "--format", required = true, paramLabel = "<format>", description = "k8s-secret or files.")
        String format;

        @Option(names = "--name", paramLabel = "<secret>", description = "The Secret's name (default m365-connection).")
        String secretName = "m365-connection";

        @Option(names = "--namespace", paramLabel = "<namespace>", description = "The Secret's namespace.")
        String namespace;

        @Option(names = "--dir", paramLabel = "<folder>", description = "Where --format files writes connection.json (default: current folder).")
        java.nio.file.Path dir = java.nio.file.Path.of(".");

        private final ConnectionStore store;
        private final ConnectionSelector selector;
        private final ConnectionExport export;

        public Export(Output output, ConnectionStore store, ConnectionSelector selector, ConnectionExport export) {
            super(output);
            this.store = store;
            this.selector = selector;
            this.export = export;
        }

        @Override
        protected int run() {
            Connection connection = selector.main(store.read());
            switch (format) {
                case "k8s-secret" -> {
                    System.out.print(export.kubernetesSecret(connection, secretName, namespace));
                    System.out.flush();
                }
                case "files" -> output.note("Wrote " + export.writeFiles(connection, dir) + " (mode 0600).");
                default -> throw new UsageException("--format '" + format + "' is not an export format: use k8s-secret or files.");
            }
            output.note(ConnectionExport.grants(connection));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a connection with its refresh token, secrets and cached tokens.")
    public static class Remove extends M365Subcommand {
        @Option(names = { "-n", "--name" }, paramLabel = "<name>", description = "The connection.")
        String name;

        @Parameters(arity = "0..1", paramLabel = "<name>", description = "The connection.")
        String positional;

        @Option(names = { "-f", "--force" }, description = "Accepted for the CLI for Microsoft 365's scripts; m365 never prompts here.")
        boolean force;

        private final ConnectionStore store;

        public Remove(Output output, ConnectionStore store) {
            super(output);
            this.store = store;
        }

        @Override
        protected int run() {
            String wanted = name(name, positional);
            store.update(data -> {
                existing(data, wanted);
                return data.withoutConnection(wanted);
            });
            return ExitCode.OK.code();
        }
    }
}
