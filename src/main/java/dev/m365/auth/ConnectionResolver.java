package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.NotLoggedInException;
import dev.m365.service.Services;

/**
 * Which connection gets a token for a resource: the login of the service that resource belongs to, when that
 * service has one of its own; otherwise the connection in use.
 */
@Singleton
public class ConnectionResolver {

    private final Services services;

    public ConnectionResolver(Services services) {
        this.services = services;
    }

    public Connection forResource(StoreData data, String resource) {
        Connection main = data.activeConnection().orElse(null);
        var cloud = main != null ? main.cloud() : dev.m365.config.Cloud.Public;
        return services.serving(resource, cloud).flatMap(s -> data.serviceLogin(s.name()))
                .or(data::activeConnection)
                .orElseThrow(() -> new NotLoggedInException("Not logged in: run `m365 login` first."));
    }
}
