package dev.m365.config;

import java.util.Locale;

import io.smallrye.config.ConfigValue;

/** Names the source of a configuration value the way a user would look for it. */
final class ConfigOrigins {

    private ConfigOrigins() {
    }

    static String describe(String key, ConfigValue value, PeerEnvironment peers) {
        String source = value.getSourceName() == null ? "" : value.getSourceName();
        if (source.equals(PeerEnvironment.NAME)) {
            return peers.variableFor(key).map(v -> "environment variable " + v).orElse("environment");
        }
        if (source.startsWith("EnvConfigSource")) {
            return "environment variable " + environmentName(key);
        }
        if (source.startsWith("config file ")) {
            return key + " in " + source;
        }
        if (source.startsWith("SysPropConfigSource")) {
            return "system property " + key;
        }
        return key + " (" + source + ")";
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
