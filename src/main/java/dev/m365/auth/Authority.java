package dev.m365.auth;

import java.net.URI;

import dev.m365.config.SecureUrls;
import dev.m365.config.Tenant;

/** An Entra authority: host plus tenant, and the v2.0 endpoints under it. */
public record Authority(URI host, Tenant tenant) {

    public URI tokenUrl() {
        return endpoint("oauth2/v2.0/token");
    }

    public URI deviceCodeUrl() {
        return endpoint("oauth2/v2.0/devicecode");
    }

    public URI authorizeUrl() {
        return endpoint("oauth2/v2.0/authorize");
    }

    /** The page an admin opens to grant (again) an app's permissions in this tenant, for every user. */
    public URI adminConsentUrl(String appId) {
        return URI.create(endpoint("oauth2/authorize") + "?client_id=" + appId + "&response_type=code&prompt=admin_consent");
    }

    public Authority withTenant(Tenant other) {
        return new Authority(host, other);
    }

    private URI endpoint(String path) {
        return URI.create(SecureUrls.base(host) + "/" + tenant.value() + "/" + path);
    }
}
