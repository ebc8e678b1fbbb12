package dev.m365.auth;

import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/** The result of an app-only sign-in: the app (or managed identity) is who the connection acts as. */
final class AppOnlyResults {

    private AppOnlyResults() {
    }

    static SignInResult of(TokenReply reply, Json json, String appId, Credential credential) {
        TokenClaims claims = TokenClaims.of(reply.accessToken(), json);
        Identity identity = new Identity(Identity.Kind.app, claims.text("appid").orElse(appId),
                claims.text("app_displayname").orElse(null), claims.text("oid").orElse(null));
        return new SignInResult(reply, identity, claims.tenantId().orElse(null), credential);
    }
}
