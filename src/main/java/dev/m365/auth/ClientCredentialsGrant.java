package dev.m365.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenReply;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;

/**
 * The client credentials grant shared by secret, certificate and federated sign-ins: {@code scope=<resource>/.default}
 * with either {@code client_secret} or a {@code client_assertion}.
 */
@Singleton
public class ClientCredentialsGrant {

    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final TokenEndpoint tokens;

    public ClientCredentialsGrant(TokenEndpoint tokens) {
        this.tokens = tokens;
    }

    public TokenReply withSecret(Authority authority, String appId, TokenTarget target, String secret,
            EntraErrors.Stage stage) {
        return request(authority, appId, target, Map.of("client_secret", secret), stage);
    }

    public TokenReply withAssertion(Authority authority, String appId, TokenTarget target, String assertion,
            EntraErrors.Stage stage) {
        return request(authority, appId, target, Map.of("client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion), stage);
    }

    private TokenReply request(Authority authority, String appId, TokenTarget target, Map<String, String> auth,
            EntraErrors.Stage stage) {
        Map<String, String> params = new LinkedHashMap<>(auth);
        params.put("scope", target.appScope());
        TokenResult result = tokens.redeem(new TokenRequest(authority.tokenUrl(),
                TokenRequest.Grant.CLIENT_CREDENTIALS, appId, params));
        if (result instanceof TokenResult.Refused refused) {
            throw EntraErrors.exception(refused.error(), stage, stage == EntraErrors.Stage.SIGN_IN
                    ? "Sign-in failed" : "Cannot get a token for " + target.resource() + " as app " + appId);
        }
        return ((TokenResult.Issued) result).reply();
    }
}
