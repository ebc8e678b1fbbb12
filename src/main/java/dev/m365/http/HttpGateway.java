package dev.m365.http;

/**
 * Every outbound HTTP call except token grants goes through here: proxy chosen per host, TLS, timeouts, retries and
 * redacted diagnostics applied in one place.
 */
public interface HttpGateway {

    /**
     * Sends the call, retrying as its policy says.
     *
     * @throws dev.m365.error.NetworkException when the host cannot be reached
     */
    HttpReply send(HttpCall call);
}
