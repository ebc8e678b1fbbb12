package dev.m365.cli;

import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.error.NotLoggedInException;
import dev.m365.error.UsageException;
import dev.m365.auth.SelectedConnection;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "End the connection in use (or the one named with --connection): its refresh token, secrets and "
                + "cached tokens are deleted. Services' own logins stay, unless --all or -u names their user.")
public class LogoutCommand extends M365Subcommand {

    @Option(names = "--all", description = "End every connection and every service's own login.")
    boolean all;

    @Option(names = { "-u", "--username", "--userName" }, paramLabel = "<user>",
            description = "End every login of this user or app (Azure CLI, and the xplat CLI's `azure logout -u`).")
    String userName;

    private final ConnectionStore store;
    private final SelectedConnection selected;

    public LogoutCommand(Output output, ConnectionStore store, SelectedConnection selected) {
        super(output);
        this.store = store;
        this.selected = selected;
    }

    @Override
    protected int run() {
        if (all && userName != null) {
            throw new UsageException("Give --all or --username, not both.");
        }
        if (all) {
            store.update(data -> StoreData.empty());
        } else if (userName != null) {
            store.update(data -> {
                if (!data.hasUser(userName)) {
                    throw new NotLoggedInException(userName + " is not logged in: see `m365 connection list`.");
                }
                return data.withoutUser(userName);
            });
        } else {
            store.update(data -> {
                String name = selected.connectionName().orElse(data.active());
                return name == null ? data : data.withoutConnection(name);
            });
        }
        return ExitCode.OK.code();
    }
}
