package dev.m365.config;

import java.nio.file.Path;
import java.util.Map;

/** Where m365 keeps its files: {@code M365_CONFIG_DIR} (or {@code m365.config-dir}), else {@code ~/.m365}. */
public final class ConfigDirectory {

    public static final String ENV = "M365_CONFIG_DIR";

    private ConfigDirectory() {
    }

    public static Path resolve(String configured, Map<String, String> environment) {
        String value = configured;
        if (value == null || value.isBlank()) {
            value = environment.get(ENV);
        }
        if (value == null || value.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".m365");
        }
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
