package dev.m365.http;

/** Sends grants to an OAuth 2.0 token endpoint, with the same proxy, TLS and timeout rules as {@link HttpGateway}. */
public interface TokenEndpoint {

    /**
     * @throws dev.m365.error.NetworkException when the endpoint cannot be reached
     * @throws dev.m365.error.SignInFailedException when it answers with something that is not OAuth
     */
    TokenResult redeem(TokenRequest request);
}
