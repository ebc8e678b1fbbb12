package dev.m365.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * Microsoft Graph, Azure Resource Manager and SharePoint, as far as m365's tests need them, answering by
 * {@code Host}. Each checks the bearer token like the real service: the emulator's signature, the service's
 * audience, not expired; a token for another resource gets a 401 in the service's own words.
 */
final class ResourceApis {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARM_PAGE = 2;

    private final EntraEmulator emulator;
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private volatile int retryAfterSeconds = 1;

    ResourceApis(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    static boolean serves(String host) {
        return host.equals("graph.microsoft.com") || host.equals("management.azure.com")
                || host.endsWith(".sharepoint.com") || host.equals("graph.windows.net")
                || host.equals("manage.office.com") || host.equals("api.yammer.com");
    }

    /** The next {@code count} requests to {@code host} answer 429 with Retry-After. */
    void throttle(String host, int count, int retryAfter) {
        throttled.put(host, new AtomicInteger(count));
        retryAfterSeconds = retryAfter;
    }

    void handle(HttpExchange exchange, String host, Map<String, String> query, byte[] body) throws IOException {
        AtomicInteger left = throttled.get(host);
        if (left != null && left.getAndDecrement() > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
            Exchanges.json(exchange, 429, error(host, "TooManyRequests", "Too many requests, retry after "
                    + retryAfterSeconds + " seconds."));
            return;
        }
        Optional<JwtClaims> claims = authenticate(exchange, host);
        if (claims.isEmpty()) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (host.equals("graph.microsoft.com")) {
            graph(exchange, method, path, query, body, claims.get());
        } else if (host.equals("management.azure.com")) {
            arm(exchange, path, query, claims.get());
        } else if (host.endsWith(".sharepoint.com")) {
            sharePoint(exchange, host, path);
        } else {
            Exchanges.json(exchange, 200, Map.of("service", host, "path", path));
        }
    }

    private Optional<JwtClaims> authenticate(HttpExchange exchange, String host) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            unauthorized(exchange, host, "InvalidAuthenticationToken", "Access token is empty.");
            return Optional.empty();
        }
        JwtClaims claims;
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256"));
            jws.setCompactSerialization(authorization.substring("Bearer ".length()));
            jws.setKey(emulator.issuer().publicKey());
            if (!jws.verifySignature()) {
                unauthorized(exchange, host, "InvalidAuthenticationToken", "Access token validation failure: invalid signature.");
                return Optional.empty();
            }
            claims = JwtClaims.parse(jws.getPayload());
        } catch (Exception e) {
            unauthorized(exchange, host, "InvalidAuthenticationToken", "Access token validation failure: malformed token.");
            return Optional.empty();
        }
        String audience = String.valueOf(claims.getClaimValue("aud"));
        if (!audiences(host).contains(audience)) {
            if (host.equals("management.azure.com")) {
                unauthorized(exchange, host, "InvalidAuthenticationTokenAudience", "The access token has been obtained "
                        + "for wrong audience or resource '" + audience + "'. It should exactly match with one of the "
                        + "allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'.");
            } else {
                unauthorized(exchange, host, "InvalidAuthenticationToken",
                        "Access token validation failure. Invalid audience.");
            }
            return Optional.empty();
        }
        Object exp = claims.getClaimValue("exp");
        if (exp instanceof Number n && n.longValue() <= emulator.now()) {
            unauthorized(exchange, host, host.equals("management.azure.com") ? "ExpiredAuthenticationToken"
                    : "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
            return Optional.empty();
        }
        return Optional.of(claims);
    }

    private static Set<String> audiences(String host) {
        return switch (host) {
            case "graph.microsoft.com" -> Set.of("https://graph.microsoft.com", "https://graph.microsoft.com/",
                    "00000003-0000-0000-c000-000000000000");
            case "management.azure.com" -> Set.of("https://management.azure.com/", "https://management.azure.com",
                    "https://management.core.windows.net/", "https://management.core.windows.net");
            default -> Set.of("https://" + host, "https://" + host + "/");
        };
    }

    private void graph(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body,
            JwtClaims claims) throws IOException {
        String tenantId = String.valueOf(claims.getClaimValue("tid"));
        if (method.equals("GET") && (path.equals("/v1.0/me") || path.equals("/beta/me"))) {
            Object upn = claims.getClaimValue("upn");
            if (upn == null) {
                Exchanges.json(exchange, 400, error("graph.microsoft.com", "BadRequest",
                        "/me request is only valid with delegated authentication flow."));
                return;
            }
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("@odata.context", "https://graph.microsoft.com" + path.substring(0, path.indexOf('/', 1)) + "/$metadata#users/$entity");
            me.put("id", claims.getClaimValue("oid"));
            me.put("displayName", claims.getClaimValue("name"));
            me.put("userPrincipalName", upn);
            me.put("mail", upn);
            Exchanges.json(exchange, 200, me);
        } else if (method.equals("GET") && path.equals("/v1.0/sites/root")) {
            String tenantName = emulator.directory().tenantById(tenantId).map(t -> t.domains().get(0).split("\\.")[0])
                    .orElse("contoso");
            Exchanges.json(exchange, 200, Map.of("id", tenantName + ".sharepoint.com,1,2", "displayName",
                    "Communication site", "webUrl", "https://" + tenantName + ".sharepoint.com"));
        } else if (method.equals("GET") && path.equals("/v1.0/users")) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (Directory.User u : emulator.directory().users()) {
                if (u.tenantId().equals(tenantId)) {
                    users.add(Map.of("id", u.objectId(), "displayName", u.displayName(), "userPrincipalName", u.upn()));
                }
            }
            Exchanges.json(exchange, 200, Map.of("value", users));
        } else if (method.equals("POST") && path.startsWith("/v1.0/")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> created = body.length == 0 ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(JSON.readValue(body, Map.class));
            created.put("id", UUID.randomUUID().toString());
            Exchanges.json(exchange, 201, created);
        } else if (method.equals("DELETE") && path.startsWith("/v1.0/")) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            Exchanges.json(exchange, 404, error("graph.microsoft.com", "Request_ResourceNotFound",
                    "Resource '" + path + "' does not exist or one of its queried reference-property objects are not present."));
        }
    }

    private void arm(HttpExchange exchange, String path, Map<String, String> query, JwtClaims claims) throws IOException {
        if (!"2022-12-01".equals(query.get("api-version"))) {
            Exchanges.json(exchange, 400, error("management.azure.com", "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests."));
            return;
        }
        String tenantId = String.valueOf(claims.getClaimValue("tid"));
        List<Map<String, Object>> items;
        if (path.equals("/subscriptions")) {
            items = emulator.directory().subscriptions(tenantId);
        } else if (path.equals("/tenants")) {
            items = emulator.directory().tenantsOf(String.valueOf(claims.getClaimValue("upn")), tenantId);
        } else {
            Exchanges.json(exchange, 404, error("management.azure.com", "NotFound", "The resource '" + path + "' was not found."));
            return;
        }
        int skip = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("value", items.subList(Math.min(skip, items.size()), Math.min(skip + ARM_PAGE, items.size())));
        if (skip + ARM_PAGE < items.size()) {
            page.put("nextLink", "https://management.azure.com" + path + "?api-version=2022-12-01&$skiptoken="
                    + (skip + ARM_PAGE));
        }
        Exchanges.json(exchange, 200, page);
    }

    private static void sharePoint(HttpExchange exchange, String host, String path) throws IOException {
        if (path.equals("/_api/web")) {
            String site = host.substring(0, host.indexOf('.'));
            Exchanges.json(exchange, 200, Map.of("Title", site.toUpperCase(Locale.ROOT).charAt(0) + site.substring(1),
                    "Url", "https://" + host, "WebTemplate", "SITEPAGEPUBLISHING"));
            return;
        }
        Exchanges.json(exchange, 404, Map.of("odata.error", Map.of("code", "-1, System.ArgumentException",
                "message", Map.of("lang", "en-US", "value", "The resource " + path + " was not found."))));
    }

    private static void unauthorized(HttpExchange exchange, String host, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", error=\"invalid_token\"");
        if (host.endsWith(".sharepoint.com")) {
            Exchanges.json(exchange, 401, Map.of("error_description", message));
        } else {
            Exchanges.json(exchange, 401, error(host, code, message));
        }
    }

    private static Map<String, Object> error(String host, String code, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", code);
        inner.put("message", message);
        if (host.equals("graph.microsoft.com")) {
            inner.put("innerError", Map.of("request-id", UUID.randomUUID().toString(), "date",
                    java.time.Instant.now().toString()));
        }
        return Map.of("error", inner);
    }
}
