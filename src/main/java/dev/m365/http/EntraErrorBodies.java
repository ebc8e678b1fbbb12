package dev.m365.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.error.EntraError;
import dev.m365.json.Json;

/** Reads an OAuth/Entra error body; empty when the text is not one (an HTML error page, a proxy's answer). */
public final class EntraErrorBodies {

    private EntraErrorBodies() {
    }

    public static Optional<EntraError> parse(Json json, String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = json.tree(body);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!node.hasNonNull("error") || !node.get("error").isTextual()) {
            return Optional.empty();
        }
        List<Integer> codes = new ArrayList<>();
        node.path("error_codes").forEach(c -> codes.add(c.asInt()));
        return Optional.of(new EntraError(node.get("error").asText(), node.path("error_description").asText(""), codes,
                node.path("trace_id").asText(null), node.path("correlation_id").asText(null),
                node.path("timestamp").asText(null)));
    }
}
