package dev.m365.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;
import dev.m365.config.Settings;
import dev.m365.config.Tenant;
import dev.m365.connection.AccessToken;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.service.GraphService;
import dev.m365.store.ConnectionStore;

/**
 * Signs in and keeps the result: resolves app, tenant and cloud (option > environment > config file > default),
 * runs the chosen method, and stores the new connection only once the sign-in has fully succeeded.
 */
@Singleton
public class LoginService {

    private final SignInMethods methods;
    private final ConnectionStore store;
    private final Settings settings;
    private final GraphService graph;
    private final Clock clock;

    public LoginService(SignInMethods methods, ConnectionStore store, Settings settings, GraphService graph,
            Clock clock) {
        this.methods = methods;
        this.store = store;
        this.settings = settings;
        this.graph = graph;
        this.clock = clock;
    }

    public Connection login(LoginInput input, LoginTarget target) {
        AuthType type = input.authType().map(AuthType::parse).orElse(AuthType.deviceCode);
        String appId = settings.appId(input.appId()).value();
        Tenant tenant = settings.tenant(input.tenant()).value();
        Cloud cloud = settings.cloud(input.cloud()).value();
        Authority authority = new Authority(settings.authorityHost(cloud).value(), tenant);
        store.preflight();
        String resource = target instanceof LoginTarget.Service own
                ? own.service().resource(cloud, own.argument())
                : graph.resource(cloud, Optional.empty());

        SignInResult result = methods.get(type).signIn(new SignInRequest(authority, cloud, appId, resource,
                input.options()));

        String name = target instanceof LoginTarget.Service own ? own.service().name()
                : input.connectionName().orElse(result.identity().name());
        String argument = target instanceof LoginTarget.Service own ? own.argument().orElse(null) : null;
        AccessToken token = new AccessToken(resource, result.tokens().accessToken(), result.tokens().expiresAt());
        Connection connection = new Connection(UUID.randomUUID().toString(), name, type, appId,
                authority.tenant().value(), result.tenantId(), cloud, authority.host().toString(), result.identity(),
                result.credential(), argument, Map.of(resource, token), clock.instant().getEpochSecond());
        if (target instanceof LoginTarget.Service own) {
            store.update(data -> data.withServiceLogin(own.service().name(), connection));
        } else {
            store.update(data -> data.withActiveConnection(connection));
        }
        return connection;
    }
}
