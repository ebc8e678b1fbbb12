package dev.m365.auth;

import java.util.Optional;

/**
 * What an access token is for: a resource (its audience), optionally an exact scope (the Azure CLI's
 * {@code --scope}) and another tenant than the connection's ({@code --tenant}). Its {@link #cacheKey} indexes
 * cached tokens, so a token for one tenant or scope is never handed out for another.
 */
public record TokenTarget(String resource, Optional<String> scope, Optional<String> tenant) {

    public static TokenTarget of(String resource) {
        return new TokenTarget(resource, Optional.empty(), Optional.empty());
    }

    public String cacheKey() {
        return resource + scope.map(s -> " scope=" + s).orElse("") + tenant.map(t -> " tenant=" + t).orElse("");
    }

    /** What an app-only grant asks for: the exact scope, else {@code <resource>/.default}. */
    public String appScope() {
        return scope.orElse(Scopes.defaultScope(resource));
    }

    /** What a delegated grant asks for: the scope plus a refresh token and the user's identity. */
    public String delegatedScope() {
        return appScope() + " " + Scopes.OFFLINE + " " + Scopes.OPENID;
    }
}
