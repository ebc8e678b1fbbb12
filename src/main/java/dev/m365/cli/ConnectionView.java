package dev.m365.cli;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.m365.connection.Connection;

/** A connection as {@code login} and {@code status} print it: the CLI for Microsoft 365 shape, plus what m365 adds. */
@JsonPropertyOrder({ "loggedIn", "connectionName", "connectedAs", "authType", "appId", "appTenant", "cloudType" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConnectionView(boolean loggedIn, String connectionName, String connectedAs, String identityType,
        String authType, String appId, String appTenant, String tenantId, String cloudType,
        Map<String, ServiceLoginView> services) {

    /** A service that has a login of its own, shown in {@code m365 status}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceLoginView(String connectedAs, String authType, String url) {
    }

    static ConnectionView of(Connection c, Map<String, Connection> serviceLogins) {
        Map<String, ServiceLoginView> services = new TreeMap<>();
        serviceLogins.forEach((name, login) -> services.put(name, new ServiceLoginView(login.identity().name(),
                login.authType().name(), login.loginArgument())));
        return new ConnectionView(true, c.name(), c.identity().name(), c.identity().kind().name(),
                c.authType().name(), c.appId(), c.tenant(), c.tenantId(), c.cloud().name(), services);
    }
}
