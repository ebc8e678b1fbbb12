package dev.m365.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens. Like Entra, a redeemed token stays usable (parallel clients may hold the same one); in strict
 * mode redeeming retires it, so a client that fails to keep the rotated token finds out at its next refresh.
 */
final class RefreshTokens {

    record Grant(String upn, String appId, String tenantId, long expiresAt, boolean revoked) {
    }

    private final Map<String, Grant> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean strict;

    void strict(boolean on) {
        strict = on;
    }

    String issue(String upn, String appId, String tenantId, long expiresAt) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = "1.ARo" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        live.put(token, new Grant(upn, appId, tenantId, expiresAt, false));
        return token;
    }

    Grant redeem(String token, String appId, long now) {
        Grant grant = token == null ? null : live.get(token);
        if (grant == null) {
            throw EntraErrorBody.of(400, "invalid_grant", 9002313,
                    "Invalid request. Request is malformed or invalid.").fail();
        }
        if (grant.revoked()) {
            throw EntraErrorBody.of(400, "invalid_grant", 50173, "The provided grant has expired due to it being "
                    + "revoked, a fresh auth token is needed. The user might have changed or reset their password.")
                    .fail();
        }
        if (grant.expiresAt() <= now) {
            throw EntraErrorBody.of(400, "invalid_grant", 700082, "The refresh token has expired due to inactivity. "
                    + "The token was issued on an earlier date and was inactive for 90.00:00:00.").fail();
        }
        if (!grant.appId().equals(appId)) {
            throw EntraErrorBody.of(400, "invalid_grant", 70000, "Provided grant is invalid or malformed.").fail();
        }
        if (strict) {
            live.remove(token);
        }
        return grant;
    }

    void expireAll(String upn, long now) {
        live.replaceAll((t, g) -> g.upn().equals(upn) ? new Grant(g.upn(), g.appId(), g.tenantId(), now, g.revoked()) : g);
    }

    void revokeAll(String upn) {
        live.replaceAll((t, g) -> g.upn().equals(upn) ? new Grant(g.upn(), g.appId(), g.tenantId(), g.expiresAt(), true) : g);
    }

    boolean isLive(String token) {
        return live.containsKey(token);
    }
}
