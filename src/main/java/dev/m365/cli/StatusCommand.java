package dev.m365.cli;

import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the connection in use and which services have logins of their own. Exit code 3 when logged out.")
public class StatusCommand extends M365Subcommand {

    private final ConnectionStore store;

    public StatusCommand(Output output, ConnectionStore store) {
        super(output);
        this.store = store;
    }

    @Override
    protected int run() {
        StoreData data = store.read();
        return data.activeConnection().map(c -> {
            output.print(ConnectionView.of(c, data.services()));
            return ExitCode.OK.code();
        }).orElseGet(() -> {
            output.print(LoggedOut.main());
            return ExitCode.NOT_LOGGED_IN.code();
        });
    }
}
