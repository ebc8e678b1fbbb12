package dev.m365.request;

import java.net.URI;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.auth.TokenService;
import dev.m365.auth.TokenTarget;
import dev.m365.connection.Connection;
import dev.m365.error.RequestFailedException;
import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.http.RetryPolicy;
import dev.m365.json.Json;

/** Calls a Microsoft 365 or Azure API as a connection: a bearer token for the resource, throttling retried. */
@Singleton
public class AuthenticatedHttp {

    private final HttpGateway gateway;
    private final TokenService tokens;
    private final Json json;

    public AuthenticatedHttp(HttpGateway gateway, TokenService tokens, Json json) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
    }

    public HttpReply send(Connection connection, String resource, HttpCall call) {
        return send(connection, TokenTarget.of(resource), call);
    }

    public HttpReply send(Connection connection, TokenTarget target, HttpCall call) {
        String token = tokens.token(connection, target, false).token();
        return gateway.send(call.header("Authorization", "Bearer " + token).retrying(RetryPolicy.THROTTLING));
    }

    /** GETs JSON, failing with the service's own message on an error status. */
    public JsonNode getJson(Connection connection, String resource, URI url) {
        return getJson(connection, TokenTarget.of(resource), url);
    }

    public JsonNode getJson(Connection connection, TokenTarget target, URI url) {
        HttpReply reply = send(connection, target, HttpCall.get(url).header("Accept", "application/json"));
        if (!reply.ok()) {
            throw new RequestFailedException("GET " + url + " failed: " + reply.status() + " "
                    + ServiceErrors.message(reply, json) + ".");
        }
        return json.tree(reply.text());
    }
}
