package dev.m365.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import dev.m365.config.Settings;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TokenRequest;
import dev.m365.http.TokenResult;
import dev.m365.json.Json;
import dev.m365.system.BrowserLauncher;
import dev.m365.system.Interrupts;
import dev.m365.system.Terminal;

/**
 * Authorization code with PKCE (S256) in the system browser, redirected to a loopback listener; {@code state} is
 * checked. When no browser can be opened the URL is printed and m365 keeps waiting, so it also works over SSH.
 */
@Singleton
public class BrowserSignIn implements SignInMethod {

    private final TokenEndpoint tokens;
    private final BrowserLauncher browser;
    private final Terminal terminal;
    private final RefreshTokenGrant refresh;
    private final Settings settings;
    private final SecureRandom random;
    private final Json json;

    public BrowserSignIn(TokenEndpoint tokens, BrowserLauncher browser, Terminal terminal, RefreshTokenGrant refresh,
            Settings settings, SecureRandom random, Json json) {
        this.tokens = tokens;
        this.browser = browser;
        this.terminal = terminal;
        this.refresh = refresh;
        this.settings = settings;
        this.random = random;
        this.json = json;
    }

    @Override
    public AuthType type() {
        return AuthType.browser;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        String verifier = randomText(32);
        String state = randomText(16);
        Duration timeout = settings.browserTimeout();
        try (LoopbackRedirect listener = LoopbackRedirect.start(state)) {
            // Entra ignores the port of loopback redirect URIs; the default public client registers http://localhost.
            String redirectUri = "http://" + settings.browserRedirectHost() + ":" + listener.port() + "/";
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", request.appId());
            params.put("response_type", "code");
            params.put("redirect_uri", redirectUri);
            params.put("response_mode", "query");
            params.put("scope", Scopes.delegated(request.resource()));
            params.put("state", state);
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
            params.put("prompt", "select_account");
            ((MethodInput.Interactive) request.input()).loginHint().ifPresent(hint -> params.put("login_hint", hint));
            String url = request.authority().authorizeUrl() + "?" + params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            boolean opened = browser.open(url);
            terminal.instruct((opened ? "A browser window has opened to sign you in. If it did not, open this URL:"
                    : "No browser could be opened. To sign in, open this URL in a browser on this machine:") + "\n" + url
                    + "\nWaiting up to " + timeout.toMinutes() + " minutes for the sign-in (Ctrl-C to cancel).");
            String code = Interrupts.interruptible(() -> listener.await(timeout));
            TokenResult result = tokens.redeem(new TokenRequest(request.authority().tokenUrl(),
                    TokenRequest.Grant.AUTHORIZATION_CODE, request.appId(), Map.of("code", code, "redirect_uri",
                            redirectUri, "code_verifier", verifier, "scope", Scopes.delegated(request.resource()))));
            if (result instanceof TokenResult.Refused refused) {
                throw EntraErrors.exception(refused.error(), EntraErrors.Stage.SIGN_IN, "Sign-in failed");
            }
            return DelegatedResults.of(((TokenResult.Issued) result).reply(), json);
        }
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        return refresh.renew(connection, target);
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
