package dev.m365.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * The managed identity endpoints of Azure hosts: a VM's IMDS ({@code /metadata/identity/oauth2/token}, header
 * {@code Metadata: true}) and App Service's ({@code IDENTITY_ENDPOINT} with {@code X-IDENTITY-HEADER}). Numbers
 * are strings, as on Azure. Transient failures can be queued to prove retries.
 */
final class ManagedIdentityEndpoints {

    private final EntraEmulator emulator;
    private final Deque<Integer> failures = new ArrayDeque<>();
    private volatile String identityHeader = "app-service-identity-header-" + Long.toHexString(System.nanoTime());

    ManagedIdentityEndpoints(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    String identityHeader() {
        return identityHeader;
    }

    synchronized void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    void imds(HttpExchange exchange, Map<String, String> query) throws java.io.IOException {
        Integer failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            Exchanges.json(exchange, failure, Map.of("error", "temporarily_unavailable",
                    "error_description", "IMDS is busy (emulated " + failure + ")"));
            return;
        }
        if (!"true".equals(exchange.getRequestHeaders().getFirst("Metadata"))) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_request", "error_description",
                    "Required metadata header not specified"));
            return;
        }
        Optional<Directory.ManagedIdentity> identity = select(query.get("client_id"), query.get("object_id"),
                query.get("msi_res_id"));
        if (identity.isEmpty() || query.get("resource") == null || !"2018-02-01".equals(query.get("api-version"))) {
            Exchanges.json(exchange, 400, Map.of("error", "invalid_request", "error_description",
                    identity.isEmpty() ? "Identity not found" : "Required query variable 'resource' or 'api-version' missing"));
            return;
        }
        Exchanges.json(exchange, 200, token(identity.get(), query.get("resource"), true));
    }

    void appService(HttpExchange exchange, Map<String, String> query) throws java.io.IOException {
        if (!identityHeader.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))) {
            Exchanges.json(exchange, 401, Map.of("statusCode", 401, "message", "Missing or invalid X-IDENTITY-HEADER"));
            return;
        }
        Optional<Directory.ManagedIdentity> identity = select(query.get("client_id"), query.get("principal_id"),
                query.get("mi_res_id"));
        if (identity.isEmpty() || query.get("resource") == null) {
            Exchanges.json(exchange, 400, Map.of("statusCode", 400, "message", "No managed identity found"));
            return;
        }
        Exchanges.json(exchange, 200, token(identity.get(), query.get("resource"), false));
    }

    private Optional<Directory.ManagedIdentity> select(String clientId, String objectId, String resourceId) {
        return emulator.directory().managedIdentities().stream().filter(mi -> clientId != null
                ? clientId.equals(mi.clientId()) : objectId != null ? objectId.equals(mi.objectId())
                : resourceId != null ? resourceId.equals(mi.resourceId()) : mi.system()).findFirst();
    }

    private Map<String, Object> token(Directory.ManagedIdentity identity, String resource, boolean imds) {
        long now = emulator.now();
        long lifetime = emulator.accessTokenLifetime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", emulator.issuer().appAccessToken(identity.clientId(), identity.objectId(),
                identity.tenantId(), resource, now, lifetime));
        if (imds) {
            body.put("refresh_token", "");
            body.put("expires_in", Long.toString(lifetime));
            body.put("not_before", Long.toString(now));
        }
        body.put("expires_on", Long.toString(now + lifetime));
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        body.put("client_id", identity.clientId());
        return body;
    }
}
