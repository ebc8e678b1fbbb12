package dev.m365.cli;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.m365.config.Cloud;
import dev.m365.connection.AzureAccount;
import dev.m365.connection.Connection;

/** A subscription the way {@code az account list} and {@code az account show} print it. */
@JsonPropertyOrder({ "cloudName", "homeTenantId", "id", "isDefault", "managedByTenants", "name", "state", "tenantId", "user" })
public record AccountView(String cloudName, String homeTenantId, String id, boolean isDefault,
        List<Map<String, String>> managedByTenants, String name, String state, String tenantId, Map<String, String> user) {

    static AccountView of(AzureAccount.Subscription s, AzureAccount account, Connection connection) {
        String cloudName = switch (connection.cloud()) {
            case China -> "AzureChinaCloud";
            case Public -> "AzureCloud";
            default -> connection.cloud() == Cloud.USGov ? "AzureCloud" : "AzureUSGovernment";
        };
        return new AccountView(cloudName, s.homeTenantId(), s.id(), s.id().equals(account.defaultSubscriptionId()),
                s.managedByTenants().stream().map(t -> Map.of("tenantId", t)).toList(), s.name(), s.state(),
                s.tenantId(), Map.of("name", connection.identity().name(), "type",
                        connection.identity().isAppOnly() ? "servicePrincipal" : "user"));
    }
}
