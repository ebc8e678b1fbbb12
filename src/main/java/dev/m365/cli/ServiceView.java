package dev.m365.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.m365.connection.Connection;

/** {@code m365 <service> status}: who serves the service, and whether through its own login or the main connection. */
@JsonPropertyOrder({ "service", "loggedIn", "servedBy", "connectedAs" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String service, boolean loggedIn, String servedBy, String connectedAs, String authType,
        String appId, String appTenant, String cloudType, String url) {

    static ServiceView ownLogin(String service, Connection c) {
        return new ServiceView(service, true, "own login", c.identity().name(), c.authType().name(), c.appId(),
                c.tenant(), c.cloud().name(), c.loginArgument());
    }

    static ServiceView servedByConnection(String service, Connection c) {
        return new ServiceView(service, true, "connection " + c.name(), c.identity().name(), c.authType().name(),
                c.appId(), c.tenant(), c.cloud().name(), null);
    }
}
