package dev.m365.auth;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Tenant;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.error.EntraException;
import dev.m365.error.EntraFailure;
import dev.m365.error.UsageException;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenReply;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;
import dev.m365.json.Json;

/**
 * User name and password (the resource owner password credentials grant). Works only for accounts without MFA or
 * Conditional Access; {@code common} becomes {@code organizations}, the only multi-tenant endpoint ROPC allows.
 * Renews with the refresh token, and signs in again with the stored password when that has expired.
 */
@Singleton
public class PasswordSignIn implements SignInMethod {

    private final TokenEndpoint tokens;
    private final RefreshTokenGrant refresh;
    private final Json json;

    public PasswordSignIn(TokenEndpoint tokens, RefreshTokenGrant refresh, Json json) {
        this.tokens = tokens;
        this.refresh = refresh;
        this.json = json;
    }

    @Override
    public AuthType type() {
        return AuthType.password;
    }

    /** ROPC cannot use {@code common}, and personal accounts ({@code consumers}) cannot use it at all. */
    public static Tenant tenantFor(Tenant requested) {
        if (requested.value().equals("consumers") || requested.value().equals("9188040d-6c67-4c5b-b112-36a304b66dad")) {
            throw new UsageException("--authType password does not work for personal Microsoft accounts: use "
                    + "--authType deviceCode or browser.");
        }
        return requested.value().equals("common") ? Tenant.ORGANIZATIONS : requested;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        MethodInput.Password input = (MethodInput.Password) request.input();
        TokenReply reply = passwordGrant(request.authority(), request.appId(), TokenTarget.of(request.resource()),
                input.userName(), input.password(), EntraErrors.Stage.SIGN_IN);
        SignInResult result = DelegatedResults.of(reply, json);
        return new SignInResult(reply, result.identity(), result.tenantId(),
                new Credential.UserPassword(input.userName(), input.password(), reply.refreshToken().orElse(null)));
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        Credential.UserPassword stored = (Credential.UserPassword) connection.credential();
        TokenReply reply;
        if (stored.refreshToken() != null) {
            try {
                reply = refresh.refresh(connection, stored.refreshToken(), target);
            } catch (EntraException e) {
                if (e.failure() != EntraFailure.LOGIN_EXPIRED) {
                    throw e;
                }
                reply = passwordGrant(Authorities.of(connection, target), connection.appId(), target,
                        stored.userName(), stored.password(), EntraErrors.Stage.RENEWAL);
            }
        } else {
            reply = passwordGrant(Authorities.of(connection, target), connection.appId(), target, stored.userName(),
                    stored.password(), EntraErrors.Stage.RENEWAL);
        }
        return new TokenRenewal.Renewed(RefreshTokenGrant.token(target.resource(), reply),
                stored.withRefreshToken(reply.refreshToken().orElse(stored.refreshToken())));
    }

    private TokenReply passwordGrant(Authority authority, String appId, TokenTarget target, String userName,
            String password, EntraErrors.Stage stage) {
        TokenResult result = tokens.redeem(new TokenRequest(authority.tokenUrl(), TokenRequest.Grant.PASSWORD, appId,
                Map.of("username", userName, "password", password, "scope", target.delegatedScope())));
        if (result instanceof TokenResult.Refused refused) {
            throw EntraErrors.exception(refused.error(), stage, stage == EntraErrors.Stage.SIGN_IN
                    ? "Sign-in as " + userName + " failed" : "Cannot get a token for " + target.resource() + " as " + userName);
        }
        return ((TokenResult.Issued) result).reply();
    }
}
