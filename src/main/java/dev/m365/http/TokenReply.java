package dev.m365.http;

import java.util.Optional;

/** A successful token response. {@code expiresAt} is POSIX seconds. */
public record TokenReply(String accessToken, long expiresAt, Optional<String> refreshToken, Optional<String> idToken,
        Optional<String> scope) {

    @Override
    public String toString() {
        return "TokenReply[expiresAt=" + expiresAt + ", refreshToken=" + refreshToken.isPresent() + ", scope="
                + scope.orElse("") + "]";
    }
}
