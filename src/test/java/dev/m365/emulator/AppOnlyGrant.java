package dev.m365.emulator;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client credentials grant with a secret, a certificate assertion (thumbprint, or subject/issuer with x5c), or
 * a federated assertion (issuer + subject + audience, checked against the issuer's key), as Entra checks them.
 */
final class AppOnlyGrant {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final long SKEW = 300;

    private final EntraEmulator emulator;
    private final Set<String> usedAssertionIds = ConcurrentHashMap.newKeySet();

    AppOnlyGrant(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    /** {@code base} is how the client addressed Entra, which client assertions name as their audience. */
    Map<String, Object> handle(String base, String tenant, Map<String, String> form) {
        String tenantId = emulator.resolveTenant(tenant);
        if (tenantId == null) {
            throw EntraErrorBody.of(400, "invalid_request", 9001023, "The grant type is not supported over the "
                    + "/common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.").fail();
        }
        Directory.App app = emulator.requireApp(form.get("client_id"), tenant);
        if (!app.multiTenant() && !app.homeTenantId().equals(tenantId)) {
            throw EntraErrorBody.of(400, "unauthorized_client", 700016, "Application with identifier '"
                    + app.clientId() + "' was not found in the directory '" + tenant + "'.").fail();
        }
        String secret = form.get("client_secret");
        String assertion = form.get("client_assertion");
        if (app.publicClient() && (secret != null || assertion != null)) {
            throw EntraErrorBody.of(401, "invalid_client", 700025, "Client is public so neither 'client_assertion' "
                    + "nor 'client_secret' should be presented.").fail();
        }
        if (secret != null) {
            checkSecret(app, secret);
        } else if (assertion != null) {
            if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
                throw EntraErrorBody.of(400, "invalid_request", 900144, "The request body must contain the following "
                        + "parameter: 'client_assertion_type'.").fail();
            }
            Assertions.Parsed parsed = Assertions.parse(assertion);
            if (app.clientId().equals(parsed.issuer())) {
                checkCertificateAssertion(app, parsed, base, tenant, tenantId);
                checkTime(parsed);
                checkNotReplayed(parsed);
            } else {
                // A workload's token (a projected Kubernetes token, say) is legitimately presented many times.
                checkFederatedAssertion(app, parsed);
                checkTime(parsed);
            }
        } else {
            throw EntraErrorBody.of(401, "invalid_client", 7000218, "The request body must contain the following "
                    + "parameter: 'client_assertion' or 'client_secret'.").fail();
        }
        EntraEmulator.Scope scope = EntraEmulator.Scope.parse(form.getOrDefault("scope", ""));
        if (!form.getOrDefault("scope", "").trim().endsWith("/.default")) {
            throw EntraErrorBody.of(400, "invalid_scope", 1002012, "The provided value for scope is not valid. "
                    + "Client credential flows must have a scope value with /.default suffixed to the resource identifier.").fail();
        }
        long now = emulator.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", emulator.accessTokenLifetime());
        body.put("ext_expires_in", emulator.accessTokenLifetime());
        body.put("access_token", emulator.issuer().appAccessToken(app.clientId(), app.servicePrincipalId(), tenantId,
                scope.resource(), now, emulator.accessTokenLifetime()));
        return body;
    }

    private void checkSecret(Directory.App app, String secret) {
        Optional<Directory.Secret> match = app.secrets().stream().filter(s -> s.value().equals(secret)).findFirst();
        if (match.isEmpty()) {
            throw EntraErrorBody.of(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID, for a "
                    + "secret added to app '" + app.clientId() + "'.").fail();
        }
        if (match.get().expiresAt() <= emulator.now()) {
            throw EntraErrorBody.of(401, "invalid_client", 7000222, "The provided client secret keys for app '"
                    + app.clientId() + "' are expired. Visit the Azure portal to create new keys for your app.").fail();
        }
    }

    private void checkCertificateAssertion(Directory.App app, Assertions.Parsed assertion, String base, String tenant,
            String tenantId) {
        X509Certificate certificate = app.certificates().stream().filter(c -> Assertions.matches(c, assertion))
                .findFirst().orElseGet(() -> bySubjectAndIssuer(app, assertion));
        if (certificate == null || !assertion.signedBy(certificate.getPublicKey())) {
            throw EntraErrorBody.of(401, "invalid_client", 700027, "Client assertion failed signature validation. "
                    + "[Reason - The key was not found.]").fail();
        }
        String expected = base + "/" + tenant + "/oauth2/v2.0/token";
        String byId = base + "/" + tenantId + "/oauth2/v2.0/token";
        if (!app.clientId().equals(assertion.subject())
                || assertion.audiences().stream().noneMatch(a -> a.equalsIgnoreCase(expected) || a.equals(byId))) {
            throw EntraErrorBody.of(401, "invalid_client", 50013, "Assertion is invalid because of various reasons: "
                    + "the audience or subject does not match.").fail();
        }
    }

    /** Subject name/issuer authentication: the leaf of x5c, trusted by its subject and issuer. */
    private static X509Certificate bySubjectAndIssuer(Directory.App app, Assertions.Parsed assertion) {
        List<X509Certificate> chain = assertion.chain();
        if (chain.isEmpty()) {
            return null;
        }
        X509Certificate leaf = chain.get(0);
        String name = leaf.getSubjectX500Principal().getName() + "|" + leaf.getIssuerX500Principal().getName();
        return app.trustedSubjectIssuers().contains(name) ? leaf : null;
    }

    private void checkFederatedAssertion(Directory.App app, Assertions.Parsed assertion) {
        String issuer = assertion.issuer();
        String subject = assertion.subject();
        List<String> audiences = assertion.audiences();
        boolean matched = app.federatedCredentials().stream().anyMatch(f -> f.issuer().equals(issuer)
                && f.subject().equals(subject) && audiences.contains(f.audience()));
        if (!matched) {
            throw EntraErrorBody.of(400, "invalid_client", 70021, "No matching federated identity record found for "
                    + "presented assertion. Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject
                    + "'. Assertion Audience: '" + String.join(",", audiences) + "'.").fail();
        }
        boolean signed = emulator.workloadIssuers().key(issuer).map(assertion::signedBy).orElse(false);
        if (!signed) {
            throw EntraErrorBody.of(401, "invalid_client", 700027, "Client assertion failed signature validation. "
                    + "[Reason - The key was not found in the issuer's JWKS.]").fail();
        }
    }

    private void checkTime(Assertions.Parsed assertion) {
        long now = emulator.now();
        long nbf = assertion.number("nbf");
        long exp = assertion.number("exp");
        if (exp < 0 || now > exp + SKEW || (nbf > 0 && now < nbf - SKEW)) {
            throw EntraErrorBody.of(400, "invalid_client", 700024, "Client assertion is not within its valid time "
                    + "range. Current time: " + java.time.Instant.ofEpochSecond(now) + ", assertion valid from "
                    + java.time.Instant.ofEpochSecond(Math.max(nbf, 0)) + ", expiry time of assertion "
                    + java.time.Instant.ofEpochSecond(Math.max(exp, 0)) + ".").fail();
        }
    }

    private void checkNotReplayed(Assertions.Parsed assertion) {
        String jti = assertion.text("jti");
        if (jti != null && !usedAssertionIds.add(assertion.issuer().toLowerCase(Locale.ROOT) + "|" + jti)) {
            throw EntraErrorBody.of(401, "invalid_client", 50013, "Assertion is invalid because of various reasons: "
                    + "the assertion was already used (replayed jti).").fail();
        }
    }
}
