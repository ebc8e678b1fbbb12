package dev.m365.azure;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.auth.ConnectionSelector;
import dev.m365.auth.TokenTarget;
import dev.m365.connection.StoreData;
import dev.m365.connection.AzureAccount;
import dev.m365.connection.Connection;
import dev.m365.error.UsageException;
import dev.m365.request.AuthenticatedHttp;
import dev.m365.service.AzureManagementService;
import dev.m365.store.ConnectionStore;

/**
 * A connection's Azure subscriptions and tenants from Resource Manager ({@code api-version=2022-12-01}, following
 * {@code nextLink}). Subscriptions are fetched when first needed and kept with the connection; the default one is
 * what {@code account set} chose, else the first enabled one.
 */
@Singleton
public class AzureSubscriptions {

    static final String API_VERSION = "2022-12-01";

    private final AuthenticatedHttp http;
    private final ConnectionStore store;
    private final ConnectionSelector selector;
    private final AzureManagementService arm;
    private final Clock clock;

    public AzureSubscriptions(AuthenticatedHttp http, ConnectionStore store, ConnectionSelector selector,
            AzureManagementService arm, Clock clock) {
        this.http = http;
        this.store = store;
        this.selector = selector;
        this.arm = arm;
        this.clock = clock;
    }

    /** The connection that talks to Resource Manager: azmgmt's own login, the named one, or the active one. */
    public Connection connection() {
        StoreData data = store.read();
        Connection main = selector.main(data);
        return selector.forResource(data, arm.resource(main.cloud(), Optional.empty()));
    }

    public String resource(Connection connection) {
        return arm.resource(connection.cloud(), Optional.empty());
    }

    public AzureAccount account(Connection connection, boolean refresh) {
        if (!refresh && connection.azure() != null) {
            return connection.azure();
        }
        List<AzureAccount.Subscription> subscriptions = new ArrayList<>();
        for (String tenant : tenantsToList(connection)) {
            TokenTarget target = tenant.equals(connection.tenantId()) ? TokenTarget.of(resource(connection))
                    : new TokenTarget(resource(connection), Optional.empty(), Optional.of(tenant));
            for (JsonNode s : list(connection, target, "subscriptions")) {
                if (subscriptions.stream().anyMatch(x -> x.id().equals(s.path("subscriptionId").asText()))) {
                    continue;
                }
                List<String> managedBy = new ArrayList<>();
                s.path("managedByTenants").forEach(t -> managedBy.add(t.path("tenantId").asText()));
                // As the Azure CLI: tenantId is the tenant that issues tokens for it, homeTenantId its own.
                subscriptions.add(new AzureAccount.Subscription(s.path("subscriptionId").asText(),
                        s.path("displayName").asText(), s.path("state").asText(), tenant,
                        s.path("tenantId").asText(tenant), managedBy));
            }
        }
        String previous = connection.azure() == null ? null : connection.azure().defaultSubscriptionId();
        String chosen = subscriptions.stream().anyMatch(s -> s.id().equals(previous)) ? previous
                : subscriptions.stream().filter(s -> "Enabled".equalsIgnoreCase(s.state())).findFirst()
                        .or(() -> subscriptions.stream().findFirst()).map(AzureAccount.Subscription::id).orElse(null);
        AzureAccount account = new AzureAccount(subscriptions, chosen, clock.instant().getEpochSecond());
        store.update(d -> d.updateConnection(connection.id(), c -> c.withAzure(account)));
        return account;
    }

    public AzureAccount.Subscription find(Connection connection, String idOrName) {
        AzureAccount cached = account(connection, false);
        return cached.find(idOrName).or(() -> account(connection, true).find(idOrName))
                .orElseThrow(() -> new UsageException("Subscription '" + idOrName + "' not found for "
                        + connection.identity().name() + ": see `m365 account list`."));
    }

    public AzureAccount.Subscription setDefault(Connection connection, String idOrName) {
        AzureAccount.Subscription subscription = find(connection, idOrName);
        store.update(d -> d.updateConnection(connection.id(), c -> c.withAzure(
                (c.azure() == null ? account(connection, false) : c.azure()).withDefault(subscription.id()))));
        return subscription;
    }

    public List<JsonNode> tenants(Connection connection) {
        return list(connection, TokenTarget.of(resource(connection)), "tenants");
    }

    /** A user may see subscriptions in every tenant they belong to; an app or identity only in its own. */
    private List<String> tenantsToList(Connection connection) {
        if (connection.identity().isAppOnly()) {
            return List.of(connection.tenantId());
        }
        List<String> tenants = new ArrayList<>();
        tenants.add(connection.tenantId());
        for (JsonNode tenant : tenants(connection)) {
            String id = tenant.path("tenantId").asText("");
            if (!id.isEmpty() && !tenants.contains(id)) {
                tenants.add(id);
            }
        }
        return tenants;
    }

    private List<JsonNode> list(Connection connection, TokenTarget target, String collection) {
        List<JsonNode> items = new ArrayList<>();
        URI next = URI.create(target.resource().replaceAll("/+$", "") + "/" + collection + "?api-version=" + API_VERSION);
        for (int page = 0; next != null && page < 100; page++) {
            JsonNode body = http.getJson(connection, target, next);
            body.path("value").forEach(items::add);
            String link = body.path("nextLink").asText("");
            next = link.isEmpty() ? null : URI.create(link);
        }
        return items;
    }
}
