package dev.m365.auth;

import java.time.Clock;

import jakarta.inject.Singleton;

import dev.m365.connection.AccessToken;
import dev.m365.connection.Connection;
import dev.m365.store.ConnectionStore;

/**
 * Access tokens for a connection: a cached token valid for at least five more minutes is returned without any
 * network call; otherwise it is renewed silently and the store updated (the new token, and a rotated refresh token).
 */
@Singleton
public class TokenService {

    /** Tokens closer than this to expiry are renewed, so a script never gets one that dies mid-call. */
    public static final long MARGIN_SECONDS = 300;

    private final ConnectionStore store;
    private final TokenRenewal renewal;
    private final Clock clock;

    public TokenService(ConnectionStore store, TokenRenewal renewal, Clock clock) {
        this.store = store;
        this.renewal = renewal;
        this.clock = clock;
    }

    public AccessToken token(Connection connection, TokenTarget target, boolean skipCache) {
        long now = clock.instant().getEpochSecond();
        if (!skipCache) {
            var cached = connection.token(target.cacheKey()).filter(t -> t.validFor(now, MARGIN_SECONDS));
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        TokenRenewal.Renewed renewed = renewal.renew(connection, target);
        store.update(data -> data.updateConnection(connection.id(), c -> {
            Connection updated = c.withToken(target.cacheKey(), renewed.token());
            return renewed.credential() == null ? updated : updated.withCredential(renewed.credential());
        }));
        return renewed.token();
    }
}
