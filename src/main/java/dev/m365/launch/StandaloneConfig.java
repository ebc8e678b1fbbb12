package dev.m365.launch;

import dev.m365.config.M365Config;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * m365's configuration outside Quarkus, from the same sources Quarkus gives it: system properties, the environment,
 * a {@code .env} file in the working directory, and the sources m365 registers itself (the config file, the peers'
 * variables). The {@link M365Config} implementation is the one Quarkus generated at build time.
 */
final class StandaloneConfig {

    private StandaloneConfig() {
    }

    static SmallRyeConfig load() {
        return new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDiscoveredSources()
                .addDefaultInterceptors()
                .withSources(new DotEnvConfigSourceProvider())
                .withMapping(M365Config.class)
                .build();
    }
}
