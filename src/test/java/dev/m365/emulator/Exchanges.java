package dev.m365.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Small helpers over the JDK HTTP server: forms, queries, JSON and HTML answers, HTML escaping. */
final class Exchanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    static Map<String, String> form(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Map<String, String> query(HttpExchange exchange) {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? Map.of() : parse(q);
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.putIfAbsent(k, v);
        }
        return map;
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static void html(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        send(exchange, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String escape(String text) {
        return dev.m365.system.Html.escape(text);
    }
}
