package dev.m365.service;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/**
 * Short names for resources: a service's name ({@code graph}, {@code azmgmt}, ...), the CLI for Microsoft 365's
 * {@code -r graph|sharepoint|arm} and the Azure CLI's {@code --resource-type} values. {@code sharepoint} needs the
 * tenant's SharePoint URL, which callers look up.
 */
@Singleton
public class ResourceNames {

    public static final String SHAREPOINT = "sharepoint";

    private static final Map<String, String> ALIASES = Map.of(
            "ms-graph", "graph",
            "arm", "azmgmt",
            "aad-graph", "aad",
            "spo", SHAREPOINT);

    /** Azure CLI resource types with no service of their own (Public cloud). */
    private static final Map<String, String> AZURE_TYPES = Map.of(
            "batch", "https://batch.core.windows.net/",
            "data-lake", "https://datalake.azure.net/",
            "media", "https://rest.media.azure.net",
            "oss-rdbms", "https://ossrdbms-aad.database.windows.net");

    private final Services services;

    public ResourceNames(Services services) {
        this.services = services;
    }

    public static boolean isSharePoint(String name) {
        return SHAREPOINT.equals(ALIASES.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name));
    }

    /** The resource a short name stands for; empty for a URI (used as given) and for {@code sharepoint}. */
    public Optional<String> resolve(String name, Cloud cloud) {
        String key = name.strip().toLowerCase(java.util.Locale.ROOT);
        String service = ALIASES.getOrDefault(key, key);
        if (service.equals(SHAREPOINT)) {
            return Optional.empty();
        }
        Optional<M365Service> named = services.named(service).filter(s -> s.loginArgument().isEmpty());
        if (named.isPresent()) {
            return Optional.of(named.get().resource(cloud, Optional.empty()));
        }
        return Optional.ofNullable(AZURE_TYPES.get(key));
    }
}
