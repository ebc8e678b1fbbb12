package dev.m365.auth;

import static dev.m365.system.Html.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.m365.error.CancelledException;
import dev.m365.error.M365Exception;
import dev.m365.error.SignInDeclinedException;
import dev.m365.error.SignInFailedException;
import dev.m365.error.SignInTimeoutException;

/**
 * The loopback listener of the browser sign-in (RFC 8252): an ephemeral port on 127.0.0.1 that receives the
 * authorization response once, checks {@code state}, and shows the user a page that escapes everything it echoes.
 */
final class LoopbackRedirect implements AutoCloseable {

    private final HttpServer server;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackRedirect(String expectedState) throws IOException {
        this.expectedState = expectedState;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackRedirect start(String expectedState) {
        try {
            return new LoopbackRedirect(expectedState);
        } catch (IOException e) {
            throw new SignInFailedException("Cannot listen on a loopback port for the browser sign-in: "
                    + e.getMessage() + ". Use --authType deviceCode instead.");
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The authorization code, once the browser comes back. */
    String await(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInTimeoutException("Sign-in failed: the browser sign-in was not completed within "
                    + timeout.toMinutes() + " minutes. Run the command again, or use --authType deviceCode.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Sign-in cancelled; nothing was stored.");
        } catch (ExecutionException e) {
            throw (M365Exception) e.getCause();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/")
                    || code.isDone()) {
                respond(exchange, 404, page("Not found", "Nothing to see here."));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!expectedState.equals(query.get("state"))) {
                respond(exchange, 400, page("Sign-in failed", "The response did not match this sign-in. Start the "
                        + "sign-in again from m365."));
                code.completeExceptionally(new SignInFailedException("Sign-in failed: the browser returned a response "
                        + "for another sign-in (state mismatch, possibly a forged request). Start again."));
                return;
            }
            String error = query.get("error");
            if (error != null) {
                String description = query.getOrDefault("error_description", error);
                respond(exchange, 200, page("Sign-in failed", description));
                code.completeExceptionally("access_denied".equals(error)
                        ? new SignInDeclinedException("Sign-in failed: the sign-in was cancelled or denied in the "
                                + "browser (" + error + "). Run the command again and approve it.")
                        : new SignInFailedException("Sign-in failed: the browser returned " + error + ": "
                                + firstLine(description) + "."));
                return;
            }
            String authorizationCode = query.get("code");
            if (authorizationCode == null || authorizationCode.isEmpty()) {
                respond(exchange, 400, page("Sign-in failed", "The response carried no authorization code."));
                code.completeExceptionally(new SignInFailedException("Sign-in failed: the browser returned no code."));
                return;
            }
            respond(exchange, 200, page("Signed in", "You are signed in to m365. You can close this tab."));
            code.complete(authorizationCode);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String page(String title, String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>m365 - " + escape(title) + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:36em;margin:3em auto\"><h1>" + escape(title)
                + "</h1><p id=\"message\">" + escape(message) + "</p></body></html>";
    }


    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
