package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;
import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.NotLoggedInException;
import dev.m365.service.Services;

/**
 * Which connection serves a command: the one named for this run ({@code --connection}, {@code M365_CONNECTION});
 * else, for a resource, the login of the service it belongs to when that service has its own; else the active one.
 */
@Singleton
public class ConnectionSelector {

    private final Services services;
    private final SelectedConnection selected;

    public ConnectionSelector(Services services, SelectedConnection selected) {
        this.services = services;
        this.selected = selected;
    }

    /** True when no connection was named for this run, so services' own logins apply. */
    public boolean isDefault() {
        return selected.connectionName().isEmpty();
    }

    /** The main connection: the named one, or the active one. */
    public Connection main(StoreData data) {
        if (selected.connectionName().isPresent()) {
            String name = selected.connectionName().get();
            return data.connection(name).orElseThrow(() -> new NotLoggedInException("No connection is named '"
                    + name + "' (from --connection or M365_CONNECTION): see `m365 connection list`."));
        }
        return data.activeConnection().orElseThrow(() -> new NotLoggedInException(
                "Not logged in: run `m365 login` first."));
    }

    public Connection forResource(StoreData data, String resource) {
        if (selected.connectionName().isPresent()) {
            return main(data);
        }
        Cloud cloud = data.activeConnection().map(Connection::cloud).orElse(Cloud.Public);
        return services.serving(resource, cloud).flatMap(s -> data.serviceLogin(s.name()))
                .orElseGet(() -> main(data));
    }
}
