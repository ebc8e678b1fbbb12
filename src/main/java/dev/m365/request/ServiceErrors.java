package dev.m365.request;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.http.HttpReply;
import dev.m365.json.Json;

/** The message a Microsoft service puts in its error bodies (Graph, ARM, SharePoint REST, OAuth-style). */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    public static String message(HttpReply reply, Json json) {
        String body = reply.text().strip();
        if (body.startsWith("{")) {
            try {
                JsonNode node = json.tree(body);
                JsonNode error = node.path("error");
                String message = error.isObject() ? join(error.path("code").asText(""), error.path("message").asText(""))
                        : node.path("odata.error").path("message").path("value").asText(
                                node.path("error_description").asText(node.path("message").asText("")));
                if (!message.isBlank()) {
                    // The caller ends the sentence.
                    return message.lines().findFirst().orElse(message).strip().replaceAll("\\.+$", "");
                }
            } catch (RuntimeException e) {
                // not JSON after all: fall through to the status line
            }
        }
        return reason(reply.status());
    }

    private static String join(String code, String message) {
        return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
