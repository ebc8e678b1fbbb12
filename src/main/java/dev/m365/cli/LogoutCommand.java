package dev.m365.cli;

import dev.m365.error.ExitCode;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "End the connection in use: its refresh token, secrets and cached tokens are deleted. Services' own logins stay.")
public class LogoutCommand extends M365Subcommand {

    private final ConnectionStore store;

    public LogoutCommand(Output output, ConnectionStore store) {
        super(output);
        this.store = store;
    }

    @Override
    protected int run() {
        store.update(data -> data.active() == null ? data : data.withoutConnection(data.active()));
        return ExitCode.OK.code();
    }
}
