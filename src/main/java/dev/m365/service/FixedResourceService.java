package dev.m365.service;

import java.util.Map;
import java.util.Optional;

import dev.m365.config.Cloud;
import dev.m365.error.UsageException;

/** A service with one resource URI per cloud (Graph, Azure Management, ...). */
public abstract class FixedResourceService implements M365Service {

    private final String name;
    private final String title;
    private final Map<Cloud, String> resources;

    protected FixedResourceService(String name, String title, Map<Cloud, String> resources) {
        this.name = name;
        this.title = title;
        this.resources = Map.copyOf(resources);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String resource(Cloud cloud, Optional<String> argument) {
        if (argument.isPresent()) {
            throw new UsageException("`" + name + " login` takes no URL: " + title + " has a fixed address.");
        }
        String resource = resources.get(cloud);
        if (resource == null) {
            throw new UsageException(title + " is not available in the " + cloud + " cloud.");
        }
        return resource;
    }

    @Override
    public boolean serves(String resource, Cloud cloud) {
        String own = resources.get(cloud);
        return own != null && trim(own).equalsIgnoreCase(trim(resource));
    }

    private static String trim(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
