package dev.m365.connection;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a connection keeps so it can get new access tokens without the user: a refresh token for delegated sign-ins,
 * the app credential (or where to fetch it) for app-only ones. Lives only inside the encrypted store; records
 * override {@code toString} so a secret never reaches a log line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Credential.RefreshToken.class, name = "refreshToken"),
})
public sealed interface Credential {

    /** A delegated login's refresh token; rotated tokens replace it. */
    record RefreshToken(String token) implements Credential {
        @Override
        public String toString() {
            return "RefreshToken[***]";
        }
    }
}
