package dev.m365.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.error.SignInFailedException;
import dev.m365.error.SignInTimeoutException;
import dev.m365.http.EntraErrorBodies;
import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;
import dev.m365.json.Json;
import dev.m365.system.Interrupts;
import dev.m365.system.Sleeper;
import dev.m365.system.Terminal;

/**
 * The OAuth 2.0 device authorization grant (RFC 8628), m365's default: ask Entra for a code, tell the user on stderr
 * where to enter it, then poll the token endpoint every {@code interval} seconds (plus 5 on {@code slow_down}) until
 * the user approves, declines, or the code expires. Ctrl-C stops the wait; nothing is stored until it succeeds.
 */
@Singleton
public class DeviceCodeSignIn implements SignInMethod {

    private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

    private final HttpGateway http;
    private final TokenEndpoint tokens;
    private final Terminal terminal;
    private final Sleeper sleeper;
    private final Json json;
    private final Clock clock;
    private final RefreshTokenGrant refresh;

    public DeviceCodeSignIn(HttpGateway http, TokenEndpoint tokens, Terminal terminal, Sleeper sleeper, Json json,
            Clock clock, RefreshTokenGrant refresh) {
        this.http = http;
        this.tokens = tokens;
        this.terminal = terminal;
        this.sleeper = sleeper;
        this.json = json;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public AuthType type() {
        return AuthType.deviceCode;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        DeviceAuthorization code = authorize(request);
        terminal.instruct(code.message());
        return Interrupts.interruptible(() -> poll(request, code));
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        return refresh.renew(connection, target);
    }

    private DeviceAuthorization authorize(SignInRequest request) {
        HttpReply reply = http.send(HttpCall.postForm(request.authority().deviceCodeUrl(),
                Map.of("client_id", request.appId(), "scope", Scopes.delegated(request.resource()))));
        if (!reply.ok()) {
            throw EntraErrorBodies.parse(json, reply.text())
                    .map(e -> (RuntimeException) EntraErrors.exception(e, EntraErrors.Stage.SIGN_IN, "Sign-in failed"))
                    .orElseGet(() -> new SignInFailedException("The device code endpoint "
                            + request.authority().deviceCodeUrl().getHost() + " answered HTTP " + reply.status()
                            + " without an OAuth error; check the authority host (AZURE_AUTHORITY_HOST) and proxy settings."));
        }
        JsonNode body = json.tree(reply.text());
        String deviceCode = body.path("device_code").asText("");
        String userCode = body.path("user_code").asText("");
        String uri = body.path("verification_uri").asText(body.path("verification_url").asText(""));
        if (deviceCode.isEmpty() || userCode.isEmpty() || uri.isEmpty()) {
            throw new SignInFailedException("The device code endpoint answered without device_code, user_code and "
                    + "verification_uri; check the authority host.");
        }
        String message = body.path("message").asText("");
        if (message.isBlank()) {
            // Standard servers send no message: build the sentence Entra would.
            message = "To sign in, use a web browser to open the page " + uri + " and enter the code " + userCode
                    + " to authenticate.";
        }
        long expiresIn = body.path("expires_in").asLong(900);
        long interval = Math.max(1, body.path("interval").asLong(5));
        return new DeviceAuthorization(deviceCode, message, clock.instant().plusSeconds(expiresIn),
                Duration.ofSeconds(interval));
    }

    private SignInResult poll(SignInRequest request, DeviceAuthorization code) {
        Duration interval = code.interval();
        TokenRequest poll = new TokenRequest(request.authority().tokenUrl(), TokenRequest.Grant.DEVICE_CODE,
                request.appId(), Map.of("device_code", code.deviceCode()));
        while (true) {
            sleeper.sleep(interval);
            if (clock.instant().isAfter(code.expiresAt())) {
                throw new SignInTimeoutException("Sign-in failed: the device code expired before the sign-in was "
                        + "completed. Run the command again and enter the code within its lifetime.");
            }
            TokenResult result = tokens.redeem(poll);
            if (result instanceof TokenResult.Issued issued) {
                return DelegatedResults.of(issued.reply(), json);
            }
            var error = ((TokenResult.Refused) result).error();
            if (error.error().equals("authorization_pending")) {
                continue;
            }
            if (error.error().equals("slow_down")) {
                interval = interval.plus(SLOW_DOWN);
                continue;
            }
            throw EntraErrors.exception(error, EntraErrors.Stage.SIGN_IN, "Sign-in failed");
        }
    }

    private record DeviceAuthorization(String deviceCode, String message, Instant expiresAt, Duration interval) {
        @Override
        public String toString() {
            return "DeviceAuthorization[expiresAt=" + expiresAt + "]";
        }
    }
}
