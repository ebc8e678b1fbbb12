package dev.m365.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides per URL whether a call goes through a proxy, the way curl and Go read {@code HTTPS_PROXY},
 * {@code HTTP_PROXY} and {@code NO_PROXY}: https URLs use the https proxy, http URLs the http proxy, and
 * {@code NO_PROXY} lists hosts, {@code .domain} suffixes, IP addresses, CIDR ranges (each with an optional port) or
 * {@code *}.
 */
public final class ProxyRules {

    public static final ProxyRules DIRECT = new ProxyRules(Optional.empty(), Optional.empty(), "");

    private final Optional<ProxyServer> https;
    private final Optional<ProxyServer> http;
    private final List<String> noProxy;

    public ProxyRules(Optional<ProxyServer> https, Optional<ProxyServer> http, String noProxy) {
        this.https = https;
        this.http = http;
        List<String> entries = new ArrayList<>();
        for (String entry : noProxy == null ? new String[0] : noProxy.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.noProxy = List.copyOf(entries);
    }

    public Optional<ProxyServer> https() {
        return https;
    }

    public Optional<ProxyServer> http() {
        return http;
    }

    public List<String> noProxy() {
        return noProxy;
    }

    public Optional<ProxyServer> forUrl(URI url) {
        Optional<ProxyServer> proxy = "https".equalsIgnoreCase(url.getScheme()) ? https : http;
        if (proxy.isEmpty() || bypasses(url)) {
            return Optional.empty();
        }
        return proxy;
    }

    private boolean bypasses(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = url.getPort() > 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        for (String entry : noProxy) {
            if (entry.equals("*") || matches(entry, host, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String host, int port) {
        String pattern = entry;
        int colon = pattern.lastIndexOf(':');
        if (colon > 0 && pattern.indexOf(':') == colon && pattern.substring(colon + 1).matches("\\d+")) {
            if (Integer.parseInt(pattern.substring(colon + 1)) != port) {
                return false;
            }
            pattern = pattern.substring(0, colon);
        }
        if (pattern.contains("/")) {
            return inCidr(pattern, host);
        }
        if (pattern.startsWith("*.")) {
            pattern = pattern.substring(1);
        }
        if (pattern.startsWith(".")) {
            return host.endsWith(pattern) || host.equals(pattern.substring(1));
        }
        return host.equals(pattern) || host.endsWith("." + pattern);
    }

    private static boolean inCidr(String cidr, String host) {
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // never resolve names just to decide about a proxy
        }
        try {
            String[] parts = cidr.split("/", 2);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(host).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (network.length != address.length || bits < 0 || bits > network.length * 8) {
                return false;
            }
            int shift = network.length * 8 - bits;
            return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
