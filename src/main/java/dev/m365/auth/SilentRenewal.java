package dev.m365.auth;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Tenant;
import dev.m365.connection.AccessToken;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.error.LoginExpiredException;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;

/**
 * Renews tokens with what a connection keeps: a delegated login's refresh token works for every resource the app
 * has consent for, so one sign-in serves every service; a rotated refresh token is handed back to be stored.
 */
@Singleton
public class SilentRenewal implements TokenRenewal {

    private final TokenEndpoint tokens;

    public SilentRenewal(TokenEndpoint tokens) {
        this.tokens = tokens;
    }

    @Override
    public Renewed renew(Connection connection, String resource) {
        if (connection.credential() instanceof Credential.RefreshToken refresh) {
            return refresh(connection, refresh, resource);
        }
        throw new LoginExpiredException("The connection '" + connection.name() + "' keeps nothing to get a token for "
                + resource + " silently; sign in again with `m365 login`.");
    }

    private Renewed refresh(Connection connection, Credential.RefreshToken refresh, String resource) {
        TokenRequest request = new TokenRequest(authority(connection).tokenUrl(), TokenRequest.Grant.REFRESH_TOKEN,
                connection.appId(), Map.of("refresh_token", refresh.token(), "scope", Scopes.delegated(resource)));
        TokenResult result = tokens.redeem(request);
        if (result instanceof TokenResult.Refused refused) {
            throw EntraErrors.exception(refused.error(), EntraErrors.Stage.RENEWAL,
                    "Cannot get a token for " + resource + " as " + connection.identity().name());
        }
        var reply = ((TokenResult.Issued) result).reply();
        Credential rotated = reply.refreshToken().<Credential>map(Credential.RefreshToken::new).orElse(null);
        return new Renewed(new AccessToken(resource, reply.accessToken(), reply.expiresAt()), rotated);
    }

    /** The tenant the user actually signed in to, once known; refreshing against it avoids common's ambiguity. */
    static Authority authority(Connection connection) {
        String tenant = connection.tenantId() != null ? connection.tenantId() : connection.tenant();
        return new Authority(URI.create(connection.authorityHost()), new Tenant(tenant));
    }
}
