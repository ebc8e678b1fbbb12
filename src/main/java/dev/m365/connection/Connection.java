package dev.m365.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.m365.config.Cloud;

/**
 * One sign-in: who, with which app, in which tenant and cloud, how to renew its tokens, and the tokens it holds;
 * plus what it learnt once and keeps (the tenant's SharePoint root URL, its Azure subscriptions). {@code id} is unique
 * per sign-in, so a slow refresh never writes into a newer login that reused the name.
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
        long createdAt,
        String sharePointUrl,
        AzureAccount azure) {

    public Connection {
        accessTokens = accessTokens == null ? Map.of() : Map.copyOf(accessTokens);
    }

    /** The cached token under {@code key} (see {@code TokenTarget.cacheKey}). */
    public Optional<AccessToken> token(String key) {
        return Optional.ofNullable(accessTokens.get(key));
    }

    public Connection withToken(String key, AccessToken token) {
        Map<String, AccessToken> tokens = new LinkedHashMap<>(accessTokens);
        tokens.put(key, token);
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity, credential,
                loginArgument, tokens, createdAt, sharePointUrl, azure);
    }

    public Connection withCredential(Credential newCredential) {
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                newCredential, loginArgument, accessTokens, createdAt, sharePointUrl, azure);
    }

    public Connection withName(String newName) {
        return new Connection(id, newName, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                credential, loginArgument, accessTokens, createdAt, sharePointUrl, azure);
    }

    /** Without cached access tokens: what an export carries (they expire; the credential renews them). */
    public Connection withoutTokens() {
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                credential, loginArgument, Map.of(), createdAt, sharePointUrl, azure);
    }

    public Connection withSharePointUrl(String url) {
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                credential, loginArgument, accessTokens, createdAt, url, azure);
    }

    public Connection withAzure(AzureAccount account) {
        return new Connection(id, name, authType, appId, tenant, tenantId, cloud, authorityHost, identity,
                credential, loginArgument, accessTokens, createdAt, sharePointUrl, account);
    }
}
