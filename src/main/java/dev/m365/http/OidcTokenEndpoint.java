package dev.m365.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.m365.error.EntraError;
import dev.m365.error.SignInFailedException;
import dev.m365.json.Json;
import dev.m365.log.Diagnostics;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.smallrye.mutiny.Uni;
import io.quarkus.tls.BaseTlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.TrustOptions;
import java.security.KeyStore;

/**
 * {@link TokenEndpoint} on quarkus-oidc-client. One client per token URL, grant and proxy, created on first use with
 * the token URL given explicitly, so no discovery document is ever fetched. Client secrets and assertions travel as
 * per-request parameters and never sit in client configuration.
 */
public class OidcTokenEndpoint implements TokenEndpoint {

    /** quarkus-oidc-client's message when the connection itself failed; its cause is not passed on. */
    private static final String UNREACHABLE = "OIDC Server is not available";

    /** The name under which the extra CAs are registered for quarkus-oidc-client. */
    private static final String TLS_CONFIGURATION = "m365-outbound";

    private final OidcClients clients;
    private final TlsConfigurationRegistry tls;
    private final OutboundSettings settings;
    private final HttpGateway http;
    private final Json json;
    private final Diagnostics log;
    private final Map<String, OidcClient> cache = new ConcurrentHashMap<>();

    public OidcTokenEndpoint(OidcClients clients, TlsConfigurationRegistry tls, OutboundSettings settings,
            HttpGateway http, Json json, Diagnostics log) {
        this.clients = clients;
        this.tls = tls;
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.log = log;
    }

    @Override
    public TokenResult redeem(TokenRequest request) {
        Optional<ProxyServer> proxy = settings.proxies().forUrl(request.tokenUrl());
        OidcClient client = clientFor(request, proxy);
        long start = System.nanoTime();
        log.debug(() -> "→ POST " + request.tokenUrl() + proxy.map(p -> " via " + p.display()).orElse("")
                + "\nclient_id=" + request.clientId() + "&grant=" + request.grant() + form(request.parameters()));
        try {
            Tokens tokens = call(client, request).await()
                    .atMost(java.time.Duration.ofMillis(settings.requestTimeout().toMillis()));
            TokenReply reply = new TokenReply(tokens.getAccessToken(),
                    tokens.getAccessTokenExpiresAt() == null ? 0 : tokens.getAccessTokenExpiresAt(),
                    Optional.ofNullable(tokens.getRefreshToken()), Optional.ofNullable(tokens.get("id_token")),
                    Optional.ofNullable(tokens.get("scope")));
            log.verbose(() -> "token endpoint " + request.tokenUrl().getHost() + " issued a token ("
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)");
            log.debug(() -> "← 200 access_token=" + reply.accessToken() + " expires_at=" + reply.expiresAt()
                    + reply.refreshToken().map(t -> " refresh_token=" + t).orElse("")
                    + reply.scope().map(sc -> " scope=" + sc.replace(' ', '+')).orElse(""));
            return new TokenResult.Issued(reply);
        } catch (OidcClientException e) {
            String body = e.getMessage() == null ? "" : e.getMessage();
            Optional<EntraError> error = EntraErrorBodies.parse(json, body);
            if (error.isPresent()) {
                log.debug(() -> "← " + body);
                log.verbose(() -> "token endpoint answered " + error.get().error() + " " + error.get().label());
                return new TokenResult.Refused(error.get());
            }
            if (body.startsWith(UNREACHABLE)) {
                throw diagnose(request, proxy, e);
            }
            log.debug(() -> "unexpected token endpoint answer: " + body);
            throw new SignInFailedException("The token endpoint " + request.tokenUrl().getHost()
                    + " answered with something that is not an OAuth response; check the authority host (AZURE_AUTHORITY_HOST) and proxy settings.");
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw NetworkFailures.of(request.tokenUrl(), proxy, e);
        }
    }

    private static String form(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append('&').append(k).append('=').append(v.replace(' ', '+')));
        return sb.toString();
    }

    private static Uni<Tokens> call(OidcClient client, TokenRequest request) {
        if (request.grant() == TokenRequest.Grant.REFRESH_TOKEN) {
            Map<String, String> params = new java.util.LinkedHashMap<>(request.parameters());
            String refreshToken = params.remove("refresh_token");
            return client.refreshTokens(refreshToken, params);
        }
        return client.getTokens(request.parameters());
    }

    /** quarkus-oidc-client hides why a connection failed; one probe through the gateway recovers the reason. */
    private RuntimeException diagnose(TokenRequest request, Optional<ProxyServer> proxy, OidcClientException e) {
        try {
            http.send(HttpCall.get(request.tokenUrl()));
        } catch (RuntimeException probe) {
            return probe;
        }
        return NetworkFailures.of(request.tokenUrl(), proxy, e);
    }

    private OidcClient clientFor(TokenRequest request, Optional<ProxyServer> proxy) {
        String key = request.tokenUrl() + "|" + request.grant() + "|" + request.clientId() + "|" + proxy;
        return cache.computeIfAbsent(key, k -> create(request, proxy, "m365-" + cache.size()));
    }

    private OidcClient create(TokenRequest request, Optional<ProxyServer> proxy, String id) {
        var builder = OidcClientConfig.builder()
                .id(id)
                .tokenPath(request.tokenUrl().toString())
                .discoveryEnabled(false)
                .clientId(request.clientId())
                .connectionTimeout(settings.connectTimeout())
                .connectionRetryCount(1)
                .grant(grantType(request.grant()));
        proxy.ifPresent(p -> builder.proxy(p.host(), p.port(), p.user().orElse(null), p.password().orElse(null)));
        settings.trust().ifPresent(store -> {
            if (tls.get(TLS_CONFIGURATION).isEmpty()) {
                tls.register(TLS_CONFIGURATION, new ExtraTrust(store));
            }
            builder.tlsConfigurationName(TLS_CONFIGURATION);
        });
        return clients.newClient(builder.build()).await().indefinitely();
    }

    /** Trusts the JVM's CAs plus the configured ones, for the Vert.x client under quarkus-oidc-client. */
    private static final class ExtraTrust extends BaseTlsConfiguration {
        private final KeyStore store;

        ExtraTrust(KeyStore store) {
            this.store = store;
        }

        @Override
        public KeyStore getTrustStore() {
            return store;
        }

        @Override
        public TrustOptions getTrustStoreOptions() {
            return TrustOptions.wrap(TrustMaterial.trustManagers(store));
        }
    }

    private static Grant.Type grantType(TokenRequest.Grant grant) {
        switch (grant) {
            case DEVICE_CODE:
                return Grant.Type.DEVICE;
            case REFRESH_TOKEN:
                return Grant.Type.REFRESH;
            case PASSWORD:
                return Grant.Type.PASSWORD;
            case CLIENT_CREDENTIALS:
                return Grant.Type.CLIENT;
            default:
                return Grant.Type.CODE;
        }
    }
}
