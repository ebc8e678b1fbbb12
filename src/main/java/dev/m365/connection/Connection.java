package dev.m365.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.m365.config.Cloud;

/**
 * One sign-in: who, with which app, in which tenant and cloud, how to renew its tokens, and the tokens it holds.
 * {@code id} is unique per sign-in, so a slow refresh never writes into a newer login that reused the name.
 */
public record Connection(
        String id,
        String name,
        AuthType authType,
        String appId,
        String tenant,
        String tenantId,
        Cloud cloud,
        String authorityHost,
        Identity identity,
        Credential credential,
        String loginArgument,
        Map<String, AccessToken> accessTokens,
        long createdAt) {

    public Connection {
        accessTokens = accessTokens == null ? Map.of() : Map.copyOf(accessTokens);
    }

    public Optional<AccessToken> token(String resource) {
        return Optional.ofNullable(accessTokens.get(resource));
    }

    public Connection withToken(AccessToken token) {
        Map<String, AccessToken> tokens = new LinkedHashMap<>(accessTokens);
        tokens.put(token.resource(), token);
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity, credential,
                loginArgument, tokens, createdAt);
    }

    public Connection withCredential(Credential newCredential) {
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                newCredential, loginArgument, accessTokens, createdAt);
    }

    public Connection withName(String newName) {
        return new Connection(id, newName, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                credential, loginArgument, accessTokens, createdAt);
    }
}
