package dev.m365.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.emulator.EntraEmulator;
import dev.m365.testing.CliResult;

/**
 * The JVM image built from docker/Dockerfile.jvm and run with podman against the emulator on the host's loopback
 * (--network=host): a sign-in with a client secret, status, tokens; non-root on a read-only root file system.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Podman podman;
    private static String image;
    private EntraEmulator emulator;
    private String volume;

    @BeforeAll
    static void buildTheImage() throws Exception {
        podman = Podman.require();
        image = TestImage.build(podman);
    }

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EntraEmulator.start();
        volume = "m365-it-" + UUID.randomUUID();
    }

    @AfterEach
    void stopEmulator() throws Exception {
        emulator.close();
        podman.run("volume", "rm", "-f", volume);
    }

    /** `podman run` of the image as a user would, the connection on a named volume, the secret passed by name. */
    private CliResult m365(List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("run", "--rm", "--network=host", "-v", volume + ":/var/lib/m365",
                "-e", "AZURE_AUTHORITY_HOST=" + emulator.url(), "-e", "AZURE_CLIENT_SECRET"));
        command.addAll(options);
        command.add(image);
        command.addAll(List.of(args));
        return podman.run(Map.of("AZURE_CLIENT_SECRET", Directory.DAEMON_SECRET), null, command.toArray(String[]::new));
    }

    private CliResult m365(String... args) throws Exception {
        return m365(List.of(), args);
    }

    private CliResult signIn(List<String> options) throws Exception {
        return m365(options, "login", "--authType", "secret", "--appId", Directory.DAEMON_APP,
                "--tenant", "contoso.onmicrosoft.com");
    }

    @Test
    void theImageIsLabelledRunsAsNonRootAndIsAsSmallAsTheReadmeSays() throws Exception {
        JsonNode inspected = JSON.readTree(podman.ok("image", "inspect", image)).get(0);
        JsonNode config = inspected.path("Config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").get(0).asText()).isEqualTo("/opt/m365/bin/m365");
        assertThat(config.path("Env").toString()).contains("M365_CONFIG_DIR=/var/lib/m365");
        assertThat(config.path("Volumes").has("/var/lib/m365")).isTrue();
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(TestImage.projectVersion());
        assertThat(labels.path("org.opencontainers.image.source").asText()).isEqualTo("https://github.com/m365-dev/m365");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");

        long megabytes = Math.round(inspected.path("Size").asLong() / 1e6);
        Files.writeString(Path.of("target", "container-image-size.txt"), megabytes + " MB\n");
        Matcher readme = Pattern.compile("\\| Image size[^|]*\\| (\\d+) MB \\|").matcher(Files.readString(Path.of("README.md")));
        assertThat(readme.find()).as("README states the image size").isTrue();
        assertThat((double) megabytes).as("image size (MB) against the README's figure")
                .isBetween(Integer.parseInt(readme.group(1)) * 0.9, Integer.parseInt(readme.group(1)) * 1.1);

        CliResult version = m365("--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.stdout()).contains(TestImage.projectVersion());
    }

    @Test
    void signsInWithASecretThenStatusAndTokensComeFromTheVolumeInLaterContainers() throws Exception {
        List<String> key = List.of("-e", "M365_STORE_KEY=" + storeKey());
        CliResult login = signIn(key);
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stdout() + login.stderr()).doesNotContain(Directory.DAEMON_SECRET);
        assertThat(emulator.count(r -> r.grantType().equals("client_credentials"))).isEqualTo(1);

        CliResult status = m365(key, "status", "--output", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(JSON.readTree(status.stdout()).path("connectedAs").asText()).isEqualTo(Directory.DAEMON_APP);

        CliResult token = m365(key, "get-access-token", "--resource", "https://graph.microsoft.com", "--decoded");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        JsonNode claims = JSON.readTree(token.stdout()).path("payload");
        assertThat(claims.path("aud").asText()).isEqualTo("https://graph.microsoft.com");
        assertThat(claims.path("appid").asText()).isEqualTo(Directory.DAEMON_APP);
        long tokenRequests = emulator.count(r -> r.path().endsWith("/oauth2/v2.0/token"));

        assertThat(m365(key, "get-access-token", "--resource", "https://graph.microsoft.com").exitCode()).isZero();
        assertThat(emulator.count(r -> r.path().endsWith("/oauth2/v2.0/token"))).as("a cached token: no request")
                .isEqualTo(tokenRequests);

        CliResult files = podman.run("run", "--rm", "-v", volume + ":/v", "--entrypoint", "stat", image,
                "-c", "%a %u %n", "/v", "/v/store.enc");
        assertThat(files.stdout()).contains("700 10001 /v", "600 10001 /v/store.enc");
        CliResult wrongKey = m365(List.of("-e", "M365_STORE_KEY=" + storeKey()), "status");
        assertThat(wrongKey.exitCode()).as("another key cannot read the store").isEqualTo(14);
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFileSystemWithNothingWritableButTheVolume() throws Exception {
        List<String> locked = List.of("--read-only", "--read-only-tmpfs=false", "--user", "10001:10001",
                "--cap-drop=ALL", "--security-opt=no-new-privileges", "-e", "M365_STORE_KEY=" + storeKey());
        CliResult login = signIn(locked);
        assertThat(login.exitCode()).as(login.toString()).isZero();
        CliResult token = m365(locked, "get-access-token", "--resource", "https://management.azure.com/",
                "--query", "tokenType", "--output", "tsv");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.stdout().strip()).isEqualTo("Bearer");
        assertThat(token.stderr()).isEmpty();
    }

    @Test
    void withoutAStoreKeyTheContainerSaysWhereTheKeyWentOnce() throws Exception {
        CliResult first = signIn(List.of());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).contains("/var/lib/m365/store.key", "M365_STORE_KEY");
        CliResult second = m365("status");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stderr()).as("the warning is given once per store").isEmpty();
    }

    @Test
    void badInputGetsOneLineAndItsExitCodeThroughTheContainer() throws Exception {
        CliResult bad = m365("login", "--authType", "carrier-pigeon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip().lines()).hasSize(1);
        assertThat(bad.stderr()).contains("carrier-pigeon");
        CliResult notSignedIn = m365("get-access-token");
        assertThat(notSignedIn.exitCode()).isEqualTo(3);
    }

    private static String storeKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
