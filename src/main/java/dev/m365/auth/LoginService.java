package dev.m365.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import dev.m365.connection.AccessToken;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.M365Exception;
import dev.m365.log.Diagnostics;
import dev.m365.service.GraphService;
import dev.m365.store.ConnectionStore;

/**
 * Signs in and keeps the result. The plan (method, app, tenant, secrets) is made and the store checked before any
 * request; the new connection is stored only once the sign-in has fully succeeded.
 */
@Singleton
public class LoginService {

    private final LoginPlanner planner;
    private final SignInMethods methods;
    private final ConnectionStore store;
    private final TokenService tokens;
    private final GraphService graph;
    private final Diagnostics diagnostics;
    private final Clock clock;

    public LoginService(LoginPlanner planner, SignInMethods methods, ConnectionStore store, TokenService tokens,
            GraphService graph, Diagnostics diagnostics, Clock clock) {
        this.planner = planner;
        this.methods = methods;
        this.store = store;
        this.tokens = tokens;
        this.graph = graph;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    public LoginOutcome login(LoginInput input, LoginTarget target) {
        LoginPlan plan = planner.plan(input);
        store.preflight();
        String resource = target instanceof LoginTarget.Service own
                ? own.service().resource(plan.cloud(), own.argument())
                : graph.resource(plan.cloud(), Optional.empty());
        if (input.ensure()) {
            Optional<Connection> working = stillWorking(plan, input, target, resource);
            if (working.isPresent()) {
                return new LoginOutcome(working.get(), true);
            }
        }

        SignInResult result = methods.get(plan.type()).signIn(new SignInRequest(plan.authority(), plan.cloud(),
                plan.appId(), resource, plan.input()));

        String name = target instanceof LoginTarget.Service own ? own.service().name()
                : input.connectionName().orElse(result.identity().name());
        String argument = target instanceof LoginTarget.Service own ? own.argument().orElse(null) : null;
        // A managed identity's app id is only known from its token.
        String appId = plan.type() == AuthType.identity ? result.identity().name() : plan.appId();
        AccessToken token = new AccessToken(resource, result.tokens().accessToken(), result.tokens().expiresAt());
        Connection connection = new Connection(UUID.randomUUID().toString(), name, plan.type(), appId,
                plan.authority().tenant().value(), result.tenantId(), plan.cloud(), plan.authority().host().toString(),
                result.identity(), result.credential(), argument, Map.of(TokenTarget.of(resource).cacheKey(), token),
                clock.instant().getEpochSecond(), null, null);
        if (target instanceof LoginTarget.Service own) {
            store.update(data -> data.withServiceLogin(own.service().name(), connection));
        } else {
            store.update(data -> data.withActiveConnection(connection));
        }
        return new LoginOutcome(connection, false);
    }

    /**
     * {@code --ensure}: the connection this login would replace, when it signed in the same way (method, app,
     * tenant, user if named) and can still produce a token silently, refresh included.
     */
    private Optional<Connection> stillWorking(LoginPlan plan, LoginInput input, LoginTarget target, String resource) {
        StoreData data = store.read();
        Optional<Connection> existing = target instanceof LoginTarget.Service own
                ? data.serviceLogin(own.service().name())
                : input.connectionName().flatMap(data::connection).or(data::activeConnection);
        Optional<Connection> same = existing.filter(c -> c.authType() == plan.type()
                && (plan.type() == AuthType.identity || c.appId().equals(plan.appId()))
                && c.tenant().equals(plan.authority().tenant().value())
                && c.cloud() == plan.cloud()
                && sameUser(plan, input, c));
        if (same.isEmpty()) {
            return Optional.empty();
        }
        try {
            tokens.token(same.get(), TokenTarget.of(resource), false);
            return same;
        } catch (M365Exception e) {
            diagnostics.verbose(() -> "--ensure: the existing connection cannot get a token silently ("
                    + e.getMessage() + "); signing in");
            return Optional.empty();
        }
    }

    private static boolean sameUser(LoginPlan plan, LoginInput input, Connection c) {
        if (plan.input() instanceof MethodInput.Identity id) {
            return id.identity().equals(c.credential());
        }
        return input.userName().filter(u -> plan.type() != AuthType.secret)
                .map(u -> u.equalsIgnoreCase(c.identity().name())).orElse(true);
    }
}
