package dev.m365.http;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * When to send a request again: on which statuses, how often, with which waits; {@code Retry-After} is honoured up to
 * {@code maxWait}.
 */
public record RetryPolicy(int attempts, Set<Integer> statuses, List<Duration> backoff, Duration maxWait) {

    public static final RetryPolicy NONE = new RetryPolicy(1, Set.of(), List.of(), Duration.ZERO);

    /** Throttling and brief unavailability of Microsoft 365 and Azure services: 429 and 503, up to 4 tries. */
    public static final RetryPolicy THROTTLING = new RetryPolicy(4, Set.of(429, 503),
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), Duration.ofSeconds(60));

    /** The wait before attempt {@code attempt + 1} when the server named none. */
    public Duration backoffAfter(int attempt) {
        if (backoff.isEmpty()) {
            return Duration.ZERO;
        }
        return backoff.get(Math.min(attempt - 1, backoff.size() - 1));
    }
}
