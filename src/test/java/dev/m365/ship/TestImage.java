package dev.m365.ship;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The JVM image, built from docker/Dockerfile.jvm exactly as a user builds it, except that its two base images are
 * the locally made ones (build arguments). Built once per test run; podman's layer cache makes rebuilds cheap.
 */
public final class TestImage {

    public static final String NAME = "localhost/m365:it";
    private static boolean built;

    private TestImage() {
    }

    public static synchronized String build(Podman podman) throws Exception {
        if (!built) {
            if (!Files.isRegularFile(Path.of("target/quarkus-app/quarkus-run.jar"))) {
                throw new AssertionError("target/quarkus-app is missing: the image tests run after `package`");
            }
            podman.ok("build", "--quiet", "--network=host", "-f", "docker/Dockerfile.jvm",
                    "--build-arg", "JDK_IMAGE=" + Podman.JDK_IMAGE, "--build-arg", "BASE_IMAGE=" + Podman.BASE_IMAGE,
                    "--build-arg", "VERSION=" + projectVersion(),
                    "-t", NAME, ".");
            built = true;
        }
        return NAME;
    }

    public static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/classes/m365-version.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
