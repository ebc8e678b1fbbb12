package dev.m365.cli;

import jakarta.enterprise.inject.Vetoed;

import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.service.M365Service;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;

/** {@code m365 <service> status}: the service's own login, else the main connection, else logged out (exit 3). */
@Vetoed
@Command(name = "status", mixinStandardHelpOptions = true)
public class ServiceStatusCommand extends M365Subcommand {

    private final M365Service service;
    private final ConnectionStore store;

    public ServiceStatusCommand(M365Service service, Output output, ConnectionStore store) {
        super(output);
        this.service = service;
        this.store = store;
    }

    @Override
    protected int run() {
        StoreData data = store.read();
        ServiceView view = data.serviceLogin(service.name()).map(c -> ServiceView.ownLogin(service.name(), c))
                .or(() -> data.activeConnection().map(c -> ServiceView.servedByConnection(service.name(), c)))
                .orElse(null);
        if (view == null) {
            output.print(LoggedOut.service(service.name()));
            return ExitCode.NOT_LOGGED_IN.code();
        }
        output.print(view);
        return ExitCode.OK.code();
    }
}
