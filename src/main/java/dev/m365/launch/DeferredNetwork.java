package dev.m365.launch;

import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;

/**
 * The fast lane's network: there is none. The first outbound call hands the run over to the full application, whose
 * gateway applies proxy, TLS, timeouts and retries, so a cached answer never starts an HTTP client.
 */
final class DeferredNetwork implements HttpGateway, TokenEndpoint {

    @Override
    public HttpReply send(HttpCall call) {
        throw new HandOver("an HTTP call");
    }

    @Override
    public TokenResult redeem(TokenRequest request) {
        throw new HandOver("a token request");
    }
}
