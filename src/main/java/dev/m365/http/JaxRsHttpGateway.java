package dev.m365.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.impl.ClientBuilderImpl;

import dev.m365.log.Diagnostics;
import dev.m365.system.Sleeper;

/** {@link HttpGateway} on the Quarkus REST client (JAX-RS client API): one client per proxy, built on first use. */
public class JaxRsHttpGateway implements HttpGateway, AutoCloseable {

    private final OutboundSettings settings;
    private final Diagnostics log;
    private final Sleeper sleeper;
    private final Map<Optional<ProxyServer>, Client> clients = new ConcurrentHashMap<>();

    public JaxRsHttpGateway(OutboundSettings settings, Diagnostics log, Sleeper sleeper) {
        this.settings = settings;
        this.log = log;
        this.sleeper = sleeper;
    }

    @Override
    public HttpReply send(HttpCall call) {
        RetryPolicy retry = call.retry();
        for (int attempt = 1;; attempt++) {
            HttpReply reply = once(call);
            if (!retry.statuses().contains(reply.status()) || attempt >= retry.attempts()) {
                return reply;
            }
            Duration wait = retryAfter(reply).orElse(retry.backoffAfter(attempt));
            if (wait.compareTo(retry.maxWait()) > 0) {
                wait = retry.maxWait();
            }
            Duration pause = wait;
            log.verbose(() -> call.url().getHost() + " answered " + reply.status() + "; retrying in "
                    + pause.toMillis() + " ms");
            sleeper.sleep(wait);
        }
    }

    private HttpReply once(HttpCall call) {
        Optional<ProxyServer> proxy = call.direct() ? Optional.empty() : settings.proxies().forUrl(call.url());
        Client client = clients.computeIfAbsent(proxy, this::build);
        long start = System.nanoTime();
        log.debug(() -> "→ " + call.method() + " " + call.url() + proxy.map(p -> " via " + p.display()).orElse("")
                + (call.body() == null ? "" : "\n" + new String(call.body(), java.nio.charset.StandardCharsets.UTF_8)));
        Invocation.Builder request = client.target(call.url()).request();
        String contentType = null;
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) {
                contentType = h.getValue();
            } else {
                request.header(h.getKey(), h.getValue());
            }
        }
        try (Response response = call.body() == null ? request.method(call.method())
                : request.method(call.method(), Entity.entity(call.body(),
                        MediaType.valueOf(contentType == null ? "application/octet-stream" : contentType)))) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            Map<String, List<String>> headers = new HashMap<>();
            response.getStringHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            HttpReply reply = new HttpReply(response.getStatus(), Map.copyOf(headers), body);
            if (reply.status() == 407 && proxy.isPresent()) {
                throw NetworkFailures.of(call.url(), proxy, new ProcessingException("407 Proxy Authentication Required"));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            log.verbose(() -> call.method() + " " + call.url() + " → " + reply.status() + " (" + millis + " ms)");
            log.debug(() -> "← " + reply.status() + "\n" + reply.text());
            return reply;
        } catch (ProcessingException e) {
            throw NetworkFailures.of(call.url(), proxy, e);
        }
    }

    private Client build(Optional<ProxyServer> proxy) {
        ClientBuilderImpl builder = (ClientBuilderImpl) ClientBuilder.newBuilder();
        builder.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        builder.readTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        builder.followRedirects(false);
        settings.trust().ifPresent(builder::trustStore);
        proxy.ifPresent(p -> {
            builder.proxy(p.host(), p.port());
            p.user().ifPresent(builder::proxyUser);
            p.password().ifPresent(builder::proxyPassword);
        });
        return builder.build();
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpReply reply) {
        return reply.header("retry-after").flatMap(value -> {
            String v = value.strip();
            if (v.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        clients.values().forEach(Client::close);
    }
}
