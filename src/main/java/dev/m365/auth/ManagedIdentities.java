package dev.m365.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.connection.Credential;
import dev.m365.error.EntraError;
import dev.m365.error.EntraException;
import dev.m365.error.EntraFailure;
import dev.m365.error.NetworkException;
import dev.m365.error.SignInFailedException;
import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.http.RetryPolicy;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;
import dev.m365.log.Redactor;
import dev.m365.system.WorkloadEnvironment;

/**
 * Tokens from the host's managed identity endpoint: App Service/Functions ({@code IDENTITY_ENDPOINT} with
 * {@code IDENTITY_HEADER}) when present, else the VM's IMDS. Both take a v1 {@code resource}, answer numbers as
 * strings, and are never reached through a proxy; IMDS is retried on 404, 410, 429 and 5xx with back-off.
 */
@Singleton
public class ManagedIdentities {

    public static final String IMDS = "http://169.254.169.254";
    private static final Set<Integer> TRANSIENT = IntStream.concat(IntStream.of(404, 410, 429), IntStream.range(500, 600))
            .boxed().collect(Collectors.toUnmodifiableSet());
    private static final RetryPolicy IMDS_RETRY = new RetryPolicy(5, TRANSIENT,
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
            Duration.ofSeconds(30));

    private final HttpGateway http;
    private final WorkloadEnvironment env;
    private final Json json;
    private final Clock clock;
    private final Redactor redactor;

    public ManagedIdentities(HttpGateway http, WorkloadEnvironment env, Json json, Clock clock, Redactor redactor) {
        this.http = http;
        this.env = env;
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
    }

    public TokenReply token(Credential.ManagedIdentity identity, String resource) {
        Optional<String> endpoint = env.identityEndpoint();
        Optional<String> header = env.identityHeader();
        if (endpoint.isPresent() && header.isPresent()) {
            redactor.register(header.get());
            String param = switch (identity.selector()) {
                case "clientId" -> "&client_id=";
                case "objectId" -> "&principal_id=";
                case "resourceId" -> "&mi_res_id=";
                default -> null;
            };
            URI url = URI.create(endpoint.get() + "?api-version=2019-08-01&resource=" + encode(resource)
                    + (param == null ? "" : param + encode(identity.id())));
            return parse(http.send(HttpCall.get(url).header("X-IDENTITY-HEADER", header.get()).withoutProxy()),
                    "the App Service identity endpoint", identity);
        }
        String param = switch (identity.selector()) {
            case "clientId" -> "&client_id=";
            case "objectId" -> "&object_id=";
            case "resourceId" -> "&msi_res_id=";
            default -> null;
        };
        String host = env.imdsHost().orElse(IMDS);
        URI url = URI.create(host.replaceAll("/+$", "") + "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
                + encode(resource) + (param == null ? "" : param + encode(identity.id())));
        HttpReply reply;
        try {
            reply = http.send(HttpCall.get(url).header("Metadata", "true").retrying(IMDS_RETRY).withoutProxy());
        } catch (NetworkException e) {
            throw new NetworkException("Cannot reach the managed identity endpoint (IMDS at " + url.getHost()
                    + "): this is not an Azure host with a managed identity, or the endpoint is blocked.", e);
        }
        return parse(reply, "IMDS", identity);
    }

    private TokenReply parse(HttpReply reply, String what, Credential.ManagedIdentity identity) {
        JsonNode body;
        try {
            body = json.tree(reply.text());
        } catch (RuntimeException e) {
            throw new SignInFailedException(what + " answered HTTP " + reply.status() + " with no JSON.");
        }
        if (!reply.ok()) {
            String description = body.path("error_description").asText(body.path("message").asText(""));
            EntraError error = new EntraError(body.path("error").asText("managed_identity_error"), description,
                    List.of(), null, null, null);
            throw new EntraException("Managed identity sign-in failed: " + what + " answered HTTP " + reply.status()
                    + (description.isEmpty() ? "" : " (" + description + ")") + ". To fix: check that the "
                    + describe(identity) + " is assigned to this host.", error, EntraFailure.APP_OR_TENANT_UNKNOWN);
        }
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new SignInFailedException(what + " answered without an access token.");
        }
        // Numbers arrive as strings; App Service sends expires_on only.
        long expiresAt = body.hasNonNull("expires_on") ? Long.parseLong(body.get("expires_on").asText().strip())
                : clock.instant().getEpochSecond() + Long.parseLong(body.path("expires_in").asText("3599").strip());
        return new TokenReply(token, expiresAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static String describe(Credential.ManagedIdentity identity) {
        return identity.selector().equals("system") ? "system-assigned managed identity"
                : "user-assigned managed identity with " + identity.selector() + " " + identity.id();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
