package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/** An app signs in as itself with a client secret (app-only); renewal repeats the grant. */
@Singleton
public class SecretSignIn implements SignInMethod {

    private final ClientCredentialsGrant grant;
    private final Json json;

    public SecretSignIn(ClientCredentialsGrant grant, Json json) {
        this.grant = grant;
        this.json = json;
    }

    @Override
    public AuthType type() {
        return AuthType.secret;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        String secret = ((MethodInput.Secret) request.input()).secret();
        TokenReply reply = grant.withSecret(request.authority(), request.appId(), TokenTarget.of(request.resource()), secret,
                EntraErrors.Stage.SIGN_IN);
        return AppOnlyResults.of(reply, json, request.appId(), new Credential.ClientSecret(secret));
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        String secret = ((Credential.ClientSecret) connection.credential()).secret();
        TokenReply reply = grant.withSecret(Authorities.of(connection, target), connection.appId(), target, secret,
                EntraErrors.Stage.RENEWAL);
        return new TokenRenewal.Renewed(RefreshTokenGrant.token(target.resource(), reply), null);
    }
}
