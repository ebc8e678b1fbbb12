package dev.m365.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import dev.m365.error.NetworkException;

/** Turns the exceptions of a failed connection into one line that says what failed and what to check. */
public final class NetworkFailures {

    private NetworkFailures() {
    }

    public static NetworkException of(URI url, Optional<ProxyServer> proxy, Throwable failure) {
        String target = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        String via = proxy.map(p -> " via proxy " + p.display()).orElse("");
        return new NetworkException("Cannot reach " + target + via + ": " + reason(failure, proxy.isPresent()) + ".",
                failure);
    }

    static String reason(Throwable failure, boolean proxied) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (type.equals("UnknownHostException") || lower.contains("failed to resolve")) {
                return "the host name does not resolve (check the URL, DNS, or set HTTPS_PROXY)";
            }
            if (lower.contains("407") || lower.contains("proxy authentication")) {
                return "the proxy requires authentication (put user:password in the proxy URL)";
            }
            if (type.contains("Proxy")) {
                return "the proxy refused the connection (" + firstLine(message) + ")";
            }
            if (type.startsWith("SSL") || lower.contains("pkix") || lower.contains("certificate")) {
                return "the TLS handshake failed (" + firstLine(message) + "); a TLS-inspecting proxy needs its CA "
                        + "in the JVM trust store";
            }
            if (type.contains("Timeout") || lower.contains("timed out")) {
                return "the connection timed out (raise m365.http.timeout or check the network)";
            }
            if (type.equals("ConnectException") || lower.contains("connection refused")) {
                return "the connection was refused" + (proxied ? " (is the proxy running?)" : "");
            }
        }
        return firstLine(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
