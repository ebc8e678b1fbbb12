package dev.m365.emulator;

import static dev.m365.emulator.Exchanges.escape;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * The authorize endpoint with PKCE and a sign-in page, and the authorization_code grant: codes are single-use,
 * bound to client, redirect URI and code challenge, and live ten minutes.
 */
final class AuthorizationCodeFlow {

    private static final List<String> ECHOED = List.of("client_id", "redirect_uri", "scope", "state", "code_challenge",
            "code_challenge_method", "response_mode", "login_hint", "prompt");

    private record Code(String clientId, String redirectUri, String challenge, String scope, Directory.User user,
            long expiresAt, boolean[] redeemed) {
    }

    private final EntraEmulator emulator;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AuthorizationCodeFlow(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    void authorize(HttpExchange exchange, String tenant, Map<String, String> params) throws IOException {
        Directory.App app = emulator.directory().app(params.get("client_id")).orElse(null);
        if (app == null) {
            Exchanges.html(exchange, 400, page("Sign in", "AADSTS700016: Application with identifier '"
                    + params.get("client_id") + "' was not found in the directory '" + tenant + "'.", params));
            return;
        }
        String redirect = params.getOrDefault("redirect_uri", "");
        if (!loopback(redirect)) {
            Exchanges.html(exchange, 400, page("Sign in", "AADSTS50011: The redirect URI '" + redirect
                    + "' specified in the request does not match the redirect URIs configured for the application.", params));
            return;
        }
        if (params.get("code_challenge") == null || !"S256".equals(params.get("code_challenge_method"))) {
            redirect(exchange, redirect, "error=invalid_request&error_description=" + enc("AADSTS9002325: Proof Key "
                    + "for Code Exchange (S256) is required for cross-origin authorization code redemption.")
                    + "&state=" + enc(params.getOrDefault("state", "")));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.html(exchange, 200, page("Sign in", null, params));
            return;
        }
        if ("cancel".equals(params.get("action"))) {
            redirect(exchange, redirect, "error=access_denied&error_description=" + enc("AADSTS65004: User declined "
                    + "to consent to access the app.") + "&state=" + enc(params.getOrDefault("state", "")));
            return;
        }
        Directory.User user = emulator.directory().user(params.getOrDefault("login", "")).orElse(null);
        if (user == null || !user.password().equals(params.get("passwd"))) {
            Exchanges.html(exchange, 200, page("Sign in", "Your account or password is incorrect.", params));
            return;
        }
        String tenantId = emulator.resolveTenant(tenant);
        if (tenantId != null && !tenantId.equals(user.tenantId())) {
            Exchanges.html(exchange, 200, page("Sign in", "User account '" + user.upn() + "' does not exist in tenant '"
                    + tenant + "'.", params));
            return;
        }
        if (user.policy() == Directory.Policy.BLOCKED) {
            Exchanges.html(exchange, 200, page("Sign in", "AADSTS53003: Access has been blocked by Conditional Access "
                    + "policies.", params));
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = "0.AXo" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Code(app.clientId(), redirect, params.get("code_challenge"), params.getOrDefault("scope", ""),
                user, emulator.now() + 600, new boolean[1]));
        redirect(exchange, redirect, "code=" + enc(code) + "&state=" + enc(params.getOrDefault("state", "")));
    }

    Map<String, Object> redeem(String tenant, Map<String, String> form) {
        Directory.App app = emulator.requireApp(form.get("client_id"), tenant);
        if (app.publicClient() && form.containsKey("client_secret")) {
            throw EntraErrorBody.of(401, "invalid_client", 700025, "Client is public so neither 'client_assertion' "
                    + "nor 'client_secret' should be presented.").fail();
        }
        Code code = codes.get(form.getOrDefault("code", ""));
        if (code == null || !code.clientId().equals(app.clientId()) || code.expiresAt() < emulator.now()) {
            throw EntraErrorBody.of(400, "invalid_grant", 70000, "The provided authorization code is invalid or expired.")
                    .fail();
        }
        synchronized (code) {
            if (code.redeemed()[0]) {
                throw EntraErrorBody.of(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, "
                        + "please retry with a new valid code or use an existing refresh token.").fail();
            }
            code.redeemed()[0] = true;
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw EntraErrorBody.of(400, "invalid_grant", 500117, "The reply uri specified in the request does not "
                    + "match the reply uri used in the authorization request.").fail();
        }
        if (!code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            throw EntraErrorBody.of(400, "invalid_grant", 501481, "The Code_Verifier does not match the "
                    + "code_challenge supplied in the authorization request.").fail();
        }
        return emulator.userTokens(code.user(), app, EntraEmulator.Scope.parse(form.getOrDefault("scope", code.scope())));
    }

    /** Loopback http redirect URIs; Entra ignores their port. */
    static boolean loopback(String uri) {
        try {
            URI u = URI.create(uri);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            return "http".equals(u.getScheme()) && (host.equals("localhost") || host.equals("127.0.0.1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(HttpExchange exchange, String redirectUri, String query) throws IOException {
        exchange.getResponseHeaders().set("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + query);
        exchange.sendResponseHeaders(302, -1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String page(String title, String error, Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : ECHOED) {
            if (params.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(params.get(name))).append("\">");
            }
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + " - Entra emulator</title>"
                + "<style>body{font-family:sans-serif;max-width:30em;margin:3em auto}label{display:block;margin:.8em 0}"
                + "input{width:100%;padding:.4em}.error{color:#a00}</style></head><body><h1>" + escape(title) + "</h1>"
                + (error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\">" + hidden
                + "<label>Email <input name=\"login\" id=\"login\" value=\"" + escape(params.getOrDefault("login_hint", ""))
                + "\"></label><label>Password <input type=\"password\" name=\"passwd\" id=\"passwd\"></label>"
                + "<button name=\"action\" value=\"signin\" id=\"signin\">Sign in</button> "
                + "<button name=\"action\" value=\"cancel\" id=\"cancel\">Cancel</button></form></body></html>";
    }
}
