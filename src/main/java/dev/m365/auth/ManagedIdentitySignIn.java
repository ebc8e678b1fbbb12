package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.error.UsageException;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/** The host's managed identity, system- or user-assigned; renewal asks the endpoint again. */
@Singleton
public class ManagedIdentitySignIn implements SignInMethod {

    private final ManagedIdentities identities;
    private final Json json;

    public ManagedIdentitySignIn(ManagedIdentities identities, Json json) {
        this.identities = identities;
        this.json = json;
    }

    @Override
    public AuthType type() {
        return AuthType.identity;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        Credential.ManagedIdentity identity = ((MethodInput.Identity) request.input()).identity();
        TokenReply reply = identities.token(identity, request.resource());
        TokenClaims claims = TokenClaims.of(reply.accessToken(), json);
        Identity who = new Identity(Identity.Kind.managedIdentity,
                claims.text("appid").orElse(identity.selector().equals("system") ? "system-assigned" : identity.id()),
                ManagedIdentities.describe(identity), claims.text("oid").orElse(null));
        return new SignInResult(reply, who, claims.tenantId().orElse(null), identity);
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        if (target.tenant().isPresent()) {
            throw new UsageException("A managed identity has one tenant: --tenant does not apply to it.");
        }
        TokenReply reply = identities.token((Credential.ManagedIdentity) connection.credential(), target.resource());
        return new TokenRenewal.Renewed(RefreshTokenGrant.token(target.resource(), reply), null);
    }
}
