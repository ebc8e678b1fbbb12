package dev.m365.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Adds {@code <config dir>/config.properties}, ranked above built-in defaults and below the environment. The config
 * dir itself comes from the environment or system properties, never from this file.
 */
public final class ConfigFileSourceFactory implements ConfigSourceFactory {

    public static final String FILE_NAME = "config.properties";
    public static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dir = context.getValue("m365.config-dir");
        Path file = ConfigDirectory.resolve(dir == null ? null : dir.getValue(), System.getenv()).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable file must not stop commands such as `cli doctor` that explain what is wrong.
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return List.of(new MapBackedConfigSource("config file " + file, values, ORDINAL) {
        });
    }
}
