package dev.m365.cli;

import jakarta.enterprise.inject.Vetoed;

import dev.m365.error.ExitCode;
import dev.m365.service.M365Service;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;

/** {@code m365 <service> logout}: ends only the service's own login; the main connection stays. */
@Vetoed
@Command(name = "logout", mixinStandardHelpOptions = true)
public class ServiceLogoutCommand extends M365Subcommand {

    private final M365Service service;
    private final ConnectionStore store;

    public ServiceLogoutCommand(M365Service service, Output output, ConnectionStore store) {
        super(output);
        this.service = service;
        this.store = store;
    }

    @Override
    protected int run() {
        store.update(data -> data.withoutServiceLogin(service.name()));
        return ExitCode.OK.code();
    }
}
