package dev.m365.service;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/** Yammer (yammer). */
@Singleton
public class YammerService extends FixedResourceService {

    public YammerService() {
        super("yammer", "Yammer", Map.of(
                Cloud.Public, "https://api.yammer.com"));
    }
}
