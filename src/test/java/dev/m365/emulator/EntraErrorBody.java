package dev.m365.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An error exactly as Entra shapes it: OAuth {@code error}, AADSTS description with trace trailer, codes, ids. */
public record EntraErrorBody(int status, String error, int code, String description) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    public static EntraErrorBody of(int status, String error, int code, String description) {
        return new EntraErrorBody(status, error, code, description);
    }

    Map<String, Object> toJson(Instant now) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = STAMP.format(now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + description + " Trace ID: " + trace
                + " Correlation ID: " + correlation + " Timestamp: " + timestamp);
        body.put("error_codes", List.of(code));
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return body;
    }

    /** Thrown inside handlers; the server turns it into the response. */
    static final class Failure extends RuntimeException {
        final EntraErrorBody body;

        Failure(EntraErrorBody body) {
            super(body.error() + " AADSTS" + body.code(), null, false, false);
            this.body = body;
        }
    }

    Failure fail() {
        return new Failure(this);
    }
}
