package dev.m365.auth;

import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/** Builds the result of a delegated (user) sign-in: identity from the ID token, else from the access token. */
final class DelegatedResults {

    private DelegatedResults() {
    }

    static SignInResult of(TokenReply reply, Json json) {
        TokenClaims access = TokenClaims.of(reply.accessToken(), json);
        TokenClaims id = reply.idToken().map(t -> TokenClaims.of(t, json)).orElse(access);
        Identity identity = id.identity();
        if (identity.isAppOnly()) {
            identity = access.identity();
        }
        String tenantId = id.tenantId().or(access::tenantId).orElse(null);
        Credential credential = reply.refreshToken().<Credential>map(Credential.RefreshToken::new).orElse(null);
        return new SignInResult(reply, identity, tenantId, credential);
    }
}
