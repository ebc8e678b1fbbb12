package dev.m365.connection;

import java.util.List;
import java.util.Optional;

/** A connection's Azure subscriptions as Resource Manager listed them, and the one chosen as default. */
public record AzureAccount(List<Subscription> subscriptions, String defaultSubscriptionId, long fetchedAt) {

    public AzureAccount {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    public Optional<Subscription> defaultSubscription() {
        return subscriptions.stream().filter(s -> s.id().equals(defaultSubscriptionId)).findFirst();
    }

    /** By id, or by name (case-insensitive), as {@code az account set} accepts either. */
    public Optional<Subscription> find(String idOrName) {
        return subscriptions.stream().filter(s -> s.id().equalsIgnoreCase(idOrName)).findFirst()
                .or(() -> subscriptions.stream().filter(s -> s.name().equalsIgnoreCase(idOrName)).findFirst());
    }

    public AzureAccount withDefault(String subscriptionId) {
        return new AzureAccount(subscriptions, subscriptionId, fetchedAt);
    }

    /** A subscription; {@code tenantId} is the tenant tokens for it come from, {@code homeTenantId} its owner's. */
    public record Subscription(String id, String name, String state, String tenantId, String homeTenantId,
            List<String> managedByTenants) {
        public Subscription {
            managedByTenants = managedByTenants == null ? List.of() : List.copyOf(managedByTenants);
        }
    }
}
