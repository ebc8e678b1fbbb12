package dev.m365.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.m365.connection.Identity;
import dev.m365.json.Json;

/**
 * The claims of a JWT, read without verifying its signature: m365 only reads who it signed in as from tokens Entra
 * just sent it over TLS; the services that receive the tokens verify them.
 */
public record TokenClaims(JsonNode claims) {

    public static TokenClaims of(String jwt, Json json) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return new TokenClaims(MissingNode.getInstance());
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return new TokenClaims(json.tree(new String(payload, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return new TokenClaims(MissingNode.getInstance());
        }
    }

    public Optional<String> text(String name) {
        JsonNode value = claims.path(name);
        return value.isValueNode() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    public Optional<Long> number(String name) {
        JsonNode value = claims.path(name);
        return value.canConvertToLong() ? Optional.of(value.asLong()) : Optional.empty();
    }

    /** The user (upn, preferred_username or unique_name) or, for app-only tokens, the app. */
    public Identity identity() {
        Optional<String> user = text("upn").or(() -> text("preferred_username")).or(() -> text("unique_name"))
                .or(() -> text("email"));
        boolean appOnly = text("idtyp").map("app"::equals).orElse(false) || (user.isEmpty() && text("scp").isEmpty());
        if (appOnly) {
            String app = text("appid").or(() -> text("azp")).orElse("unknown app");
            return new Identity(Identity.Kind.app, app, text("app_displayname").orElse(null), text("oid").orElse(null));
        }
        return new Identity(Identity.Kind.user, user.orElse(text("oid").orElse("unknown user")),
                text("name").orElse(null), text("oid").orElse(null));
    }

    public Optional<String> tenantId() {
        return text("tid");
    }
}
