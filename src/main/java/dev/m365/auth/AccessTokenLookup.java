package dev.m365.auth;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.azure.AzureSubscriptions;
import dev.m365.config.Tenant;
import dev.m365.connection.AccessToken;
import dev.m365.connection.AzureAccount;
import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.UsageException;
import dev.m365.service.GraphService;
import dev.m365.service.ResourceNames;
import dev.m365.sharepoint.SharePointTenant;
import dev.m365.store.ConnectionStore;

/**
 * Finds the token a {@code get-access-token} asks for: which resource (a URI, a short name, an Azure CLI resource type
 * or the resource of a {@code --scope}), which connection serves it, and which tenant (a {@code --tenant}, or the one
 * behind a {@code --subscription}). Without any, the Azure CLI's default: Azure Resource Manager.
 */
@Singleton
public class AccessTokenLookup {

    public record Ask(Optional<String> resource, Optional<String> resourceType, Optional<String> scope,
            Optional<String> tenant, Optional<String> subscription, boolean fresh) {
    }

    public record Found(AccessToken token, Connection connection, Optional<AzureAccount.Subscription> subscription) {
    }

    private final ConnectionStore store;
    private final ConnectionSelector selector;
    private final TokenService tokens;
    private final ResourceNames names;
    private final SharePointTenant sharePoint;
    private final AzureSubscriptions subscriptions;
    private final GraphService graph;

    public AccessTokenLookup(ConnectionStore store, ConnectionSelector selector, TokenService tokens,
            ResourceNames names, SharePointTenant sharePoint, AzureSubscriptions subscriptions, GraphService graph) {
        this.store = store;
        this.selector = selector;
        this.tokens = tokens;
        this.names = names;
        this.sharePoint = sharePoint;
        this.subscriptions = subscriptions;
        this.graph = graph;
    }

    public Found find(Ask ask) {
        long given = ask.resource().stream().count() + ask.resourceType().stream().count() + ask.scope().stream().count();
        if (given > 1) {
            throw new UsageException("Give only one of --resource, --resource-type and --scope.");
        }
        if (ask.tenant().isPresent() && ask.subscription().isPresent()) {
            throw new UsageException("Give --tenant or --subscription, not both: a subscription has its own tenant.");
        }
        StoreData data = store.read();
        Connection main = selector.main(data);
        String name = ask.resource().or(ask::resourceType).orElse(null);
        String resource;
        Optional<String> scope = Optional.empty();
        Connection connection;
        if (ask.scope().isPresent()) {
            scope = ask.scope();
            String fromScope = Scopes.resourceOf(ask.scope().get());
            // A scope without a resource prefix (User.Read) is Microsoft Graph's.
            resource = fromScope.contains("://") || fromScope.startsWith("api:") ? fromScope
                    : graph.resource(main.cloud(), Optional.empty());
            connection = selector.forResource(data, resource);
        } else if (name != null && ResourceNames.isSharePoint(name)) {
            Connection spo = data.serviceLogin("spo").filter(c -> selector.isDefault()).orElse(main);
            resource = sharePoint.rootUrl(spo, data);
            connection = spo;
        } else {
            resource = name == null ? names.resolve("arm", main.cloud()).orElseThrow()
                    : names.resolve(name, main.cloud()).orElseGet(() -> {
                        if (ask.resourceType().isPresent()) {
                            throw new UsageException("--resource-type '" + name + "' is not known: use aad-graph, arm, "
                                    + "batch, data-lake, media, ms-graph, oss-rdbms or a service name.");
                        }
                        return name.strip();
                    });
            connection = selector.forResource(data, resource);
        }
        Optional<AzureAccount.Subscription> subscription = ask.subscription()
                .map(s -> subscriptions.find(connection, s))
                .or(() -> Optional.ofNullable(connection.azure()).flatMap(AzureAccount::defaultSubscription));
        Optional<String> tenant = ask.tenant().map(t -> Tenant.parse(t, "--tenant").value())
                .or(() -> ask.subscription().flatMap(s -> subscription.map(AzureAccount.Subscription::tenantId)))
                .filter(t -> !t.equalsIgnoreCase(connection.tenantId()));
        AccessToken token = tokens.token(connection, new TokenTarget(resource, scope, tenant), ask.fresh());
        return new Found(token, connection, subscription);
    }
}
