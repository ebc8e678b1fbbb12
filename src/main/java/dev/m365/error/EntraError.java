package dev.m365.error;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OAuth 2.0 error body as Entra sends it: {@code error}, {@code error_description} ("AADSTS50126: ... Trace ID: ...
 * Correlation ID: ... Timestamp: ..."), {@code error_codes}, {@code trace_id}, {@code correlation_id}, {@code timestamp}.
 */
public record EntraError(String error, String description, List<Integer> codes, String traceId, String correlationId,
        String timestamp) {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final Pattern TRAILER = Pattern.compile("\\s*(Trace ID|Correlation ID|Timestamp):.*$", Pattern.DOTALL);

    public EntraError {
        error = error == null ? "" : error;
        description = description == null ? "" : description;
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** The AADSTS number: the first of {@code error_codes}, else the one named in the description. */
    public Optional<Integer> aadsts() {
        if (!codes.isEmpty()) {
            return Optional.of(codes.get(0));
        }
        Matcher m = AADSTS.matcher(description);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public boolean hasCode(int code) {
        return aadsts().map(c -> c == code).orElse(false) || codes.contains(code);
    }

    /** The description's human sentence, without the "AADSTSnnn:" prefix and the trace trailer. */
    public String summary() {
        String text = TRAILER.matcher(description).replaceFirst("");
        text = text.replaceFirst("^AADSTS\\d+:\\s*", "").strip();
        int lineEnd = text.indexOf('\n');
        if (lineEnd > 0) {
            text = text.substring(0, lineEnd).strip();
        }
        return text.isEmpty() ? error : text;
    }

    /** "AADSTS50126" or the OAuth error code when Entra sent no number. */
    public String label() {
        return aadsts().map(c -> "AADSTS" + c).orElse(error);
    }
}
