package dev.m365.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One outbound HTTP request. {@code direct} bypasses any proxy (IMDS must never go through one).
 * {@code toString} never shows the body or header values.
 */
public record HttpCall(String method, URI url, Map<String, String> headers, byte[] body, RetryPolicy retry,
        boolean direct) {

    public HttpCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        retry = retry == null ? RetryPolicy.NONE : retry;
    }

    public static HttpCall get(URI url) {
        return new HttpCall("GET", url, Map.of(), null, RetryPolicy.NONE, false);
    }

    public static HttpCall postForm(URI url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new HttpCall("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json"), body.getBytes(StandardCharsets.UTF_8), RetryPolicy.NONE, false);
    }

    public HttpCall header(String name, String value) {
        Map<String, String> map = new LinkedHashMap<>(headers);
        map.put(name, value);
        return new HttpCall(method, url, map, body, retry, direct);
    }

    public HttpCall retrying(RetryPolicy policy) {
        return new HttpCall(method, url, headers, body, policy, direct);
    }

    public HttpCall withoutProxy() {
        return new HttpCall(method, url, headers, body, retry, true);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + url + " headers=" + List.copyOf(headers.keySet());
    }
}
