package dev.m365.auth;

import java.net.URI;

import dev.m365.config.Tenant;
import dev.m365.connection.Connection;

/** The authority a stored connection renews against. */
final class Authorities {

    private Authorities() {
    }

    /** The tenant the connection actually signed in to, once known: avoids common's ambiguity on renewal. */
    static Authority of(Connection connection) {
        String tenant = connection.tenantId() != null ? connection.tenantId() : connection.tenant();
        return new Authority(URI.create(connection.authorityHost()), new Tenant(tenant));
    }

    /** The connection's authority, or another tenant's when the target names one. */
    static Authority of(Connection connection, TokenTarget target) {
        return target.tenant().map(t -> new Authority(URI.create(connection.authorityHost()), new Tenant(t)))
                .orElseGet(() -> of(connection));
    }
}
