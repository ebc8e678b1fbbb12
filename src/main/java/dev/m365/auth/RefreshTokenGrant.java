package dev.m365.auth;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.connection.AccessToken;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.error.LoginExpiredException;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenReply;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;

/**
 * Renews a delegated login with its refresh token. One refresh token serves every resource the app has consent
 * for, so one sign-in serves every service; the rotated refresh token comes back to be stored.
 */
@Singleton
public class RefreshTokenGrant {

    private final TokenEndpoint tokens;

    public RefreshTokenGrant(TokenEndpoint tokens) {
        this.tokens = tokens;
    }

    public TokenReply refresh(Connection connection, String refreshToken, TokenTarget target) {
        TokenRequest request = new TokenRequest(Authorities.of(connection, target).tokenUrl(),
                TokenRequest.Grant.REFRESH_TOKEN, connection.appId(),
                Map.of("refresh_token", refreshToken, "scope", target.delegatedScope()));
        TokenResult result = tokens.redeem(request);
        if (result instanceof TokenResult.Refused refused) {
            throw EntraErrors.exception(refused.error(), EntraErrors.Stage.RENEWAL,
                    "Cannot get a token for " + target.resource() + " as " + connection.identity().name());
        }
        return ((TokenResult.Issued) result).reply();
    }

    /** Renewal of a login that keeps only a refresh token (device code, browser). */
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        if (!(connection.credential() instanceof Credential.RefreshToken stored)) {
            throw new LoginExpiredException("The connection '" + connection.name() + "' has no refresh token; sign in "
                    + "again with `m365 login`.");
        }
        TokenReply reply = refresh(connection, stored.token(), target);
        Credential rotated = reply.refreshToken().<Credential>map(Credential.RefreshToken::new).orElse(null);
        return new TokenRenewal.Renewed(token(target.resource(), reply), rotated);
    }

    static AccessToken token(String resource, TokenReply reply) {
        return new AccessToken(resource, reply.accessToken(), reply.expiresAt());
    }
}
