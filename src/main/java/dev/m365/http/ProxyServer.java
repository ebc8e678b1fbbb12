package dev.m365.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.m365.error.UsageException;

/** A proxy from {@code HTTPS_PROXY}-style URLs: {@code http://[user:password@]host[:port]}. */
public record ProxyServer(String host, int port, Optional<String> user, Optional<String> password) {

    public static ProxyServer parse(String value, String origin) {
        String text = value.strip();
        if (!text.contains("://")) {
            text = "http://" + text; // curl and the Azure SDKs accept "host:port"
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + " is not a proxy URL: use http://[user:password@]host:port.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new UsageException(origin + " is not a supported proxy URL: use http://[user:password@]host:port.");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(info.substring(colon + 1)));
            }
        }
        return new ProxyServer(uri.getHost(), port, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** For diagnostics: never shows the password. */
    public String display() {
        return "http://" + user.map(u -> u + ":***@").orElse("") + host + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
