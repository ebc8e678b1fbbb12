package dev.m365.cli;

import dev.m365.auth.ConnectionSelector;
import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the connection in use and which services have logins of their own. Exit code 3 when logged out.")
public class StatusCommand extends M365Subcommand {

    private final ConnectionStore store;
    private final ConnectionSelector selector;

    public StatusCommand(Output output, ConnectionStore store, ConnectionSelector selector) {
        super(output);
        this.store = store;
        this.selector = selector;
    }

    @Override
    protected int run() {
        StoreData data = store.read();
        if (selector.isDefault() && data.activeConnection().isEmpty()) {
            output.print(LoggedOut.main());
            return ExitCode.NOT_LOGGED_IN.code();
        }
        output.print(ConnectionView.of(selector.main(data), data.services()));
        return ExitCode.OK.code();
    }
}
