package dev.m365.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.m365.error.UsageException;

/** m365 talks plain http only to loopback hosts (local test identity providers, the emulator). */
public final class SecureUrls {

    private SecureUrls() {
    }

    public static URI parse(String value, String origin) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new UsageException(origin + " '" + value + "' is not a URL: give one such as https://login.microsoftonline.com.");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new UsageException(origin + " '" + value + "' is not an absolute URL: give one such as https://login.microsoftonline.com.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
            return uri;
        }
        throw new UsageException(origin + " '" + value + "' must use https: plain http is allowed only for loopback hosts (127.0.0.1, localhost).");
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** The URL without a trailing slash, so paths can be appended. */
    public static String base(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
