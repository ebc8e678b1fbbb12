package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/**
 * Workload identity federation: a token from Kubernetes, GitHub Actions, Azure Pipelines or the command line is the
 * client assertion. Only where the token comes from is stored; each renewal fetches a fresh one.
 */
@Singleton
public class FederatedIdentitySignIn implements SignInMethod {

    private final ClientCredentialsGrant grant;
    private final FederatedTokens federatedTokens;
    private final Json json;

    public FederatedIdentitySignIn(ClientCredentialsGrant grant, FederatedTokens federatedTokens, Json json) {
        this.grant = grant;
        this.federatedTokens = federatedTokens;
        this.json = json;
    }

    @Override
    public AuthType type() {
        return AuthType.federatedIdentity;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        MethodInput.Federated input = (MethodInput.Federated) request.input();
        String token = input.givenToken().orElseGet(() -> federatedTokens.fetch(input.source()));
        TokenReply reply = grant.withAssertion(request.authority(), request.appId(), TokenTarget.of(request.resource()), token,
                EntraErrors.Stage.SIGN_IN);
        return AppOnlyResults.of(reply, json, request.appId(), input.source());
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        String token = federatedTokens.fetch((Credential.FederatedSource) connection.credential());
        TokenReply reply = grant.withAssertion(Authorities.of(connection, target), connection.appId(), target, token,
                EntraErrors.Stage.RENEWAL);
        return new TokenRenewal.Renewed(RefreshTokenGrant.token(target.resource(), reply), null);
    }
}
