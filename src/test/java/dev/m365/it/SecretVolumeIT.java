package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;

/**
 * A connection signed in on a laptop, exported, and read in a "pod" from a folder laid out exactly as the kubelet lays
 * out a Secret volume ({@code ..data} → a timestamped folder, swapped atomically on update).
 */
class SecretVolumeIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Path volume;
    private int generation;

    @BeforeEach
    void laptopSignsInAndExports() throws Exception {
        assertThat(cli.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1").exitCode()).isZero();
        volume = Files.createTempDirectory(configDir.getParent(), "secret-volume");
        publish(export(cli));
    }

    /** The connection.json the export writes. */
    private byte[] export(PackagedCli laptop) throws Exception {
        Path staging = Files.createTempDirectory(configDir.getParent(), "export");
        CliResult files = laptop.run("connection", "export", "--format", "files", "--dir", staging.toString());
        assertThat(files.exitCode()).as(files.toString()).isZero();
        assertThat(files.stderr()).contains("refresh token").contains("To rotate");
        return Files.readAllBytes(staging.resolve("connection.json"));
    }

    /** What the kubelet does on every Secret update: a new timestamped folder, then an atomic swap of ..data. */
    private void publish(byte[] content) throws Exception {
        Path data = volume.resolve("..2026_11_21_10_00_00." + (++generation));
        Files.createDirectory(data);
        Files.write(data.resolve("connection.json"), content);
        Path link = volume.resolve("..data_tmp");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, data.getFileName());
        Files.move(link, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isSymbolicLink(volume.resolve("connection.json"))) {
            Files.createSymbolicLink(volume.resolve("connection.json"), Path.of("..data", "connection.json"));
        }
    }

    private PackagedCli pod(Path cache) throws Exception {
        PackagedCli pod = PackagedCli.forEmulator(emulator.url(), Files.createTempDirectory(configDir.getParent(), "home"))
                .with("M365_STORE_BACKEND", "secret-volume").with("M365_STORE_SECRET_DIR", volume.toString());
        return cache == null ? pod : pod.with("M365_STORE_CACHE_DIR", cache.toString())
                .with("M365_STORE_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Test
    void theExportHoldsOneConnectionAndNoTokens() throws Exception {
        CliResult yaml = cli.run("connection", "export", "--format", "k8s-secret", "--name", "nightly-m365", "--namespace", "jobs");
        assertThat(yaml.exitCode()).as(yaml.toString()).isZero();
        assertThat(yaml.stdout()).startsWith("apiVersion: v1\nkind: Secret\n").contains("  name: nightly-m365\n")
                .contains("  namespace: jobs\n");
        String data = yaml.stdout().replaceAll("(?s).*connection\\.json: ([A-Za-z0-9+/=]+).*", "$1").strip();
        JsonNode document = JSON.readTree(Base64.getDecoder().decode(data));
        assertThat(document.path("connections").size()).isEqualTo(1);
        assertThat(document.path("serviceLogins").size()).isZero();
        JsonNode connection = document.path("connections").elements().next();
        assertThat(connection.path("accessTokens").size()).isZero();
        assertThat(connection.path("credential").path("type").asText()).isEqualTo("userPassword");
        assertThat(cli.run("connection", "export", "--format", "yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void aPodReadsTheMountedSecretAndCachesRefreshedTokensInItsEmptyDir() throws Exception {
        Path cache = Files.createTempDirectory(configDir.getParent(), "empty-dir");
        PackagedCli pod = pod(cache);
        assertThat(JSON.readTree(pod.run("status").stdout()).path("connectedAs").asText())
                .isEqualTo("alice@contoso.onmicrosoft.com");
        emulator.clearRequests();
        assertThat(pod.run("get-access-token", "-r", "graph").exitCode()).isZero();
        assertThat(pod.run("get-access-token", "-r", "graph").exitCode()).isZero();
        assertThat(emulator.count(r -> r.path().endsWith("/token"))).as("the second came from the cache dir").isEqualTo(1);
        assertThat(cache.resolve("store.enc")).exists();
        try (var files = Files.walk(volume)) {
            assertThat(files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count())
                    .as("nothing written to the volume").isEqualTo(1);
        }
        assertThat(JSON.readTree(pod.run("cli", "doctor").stdout()).path("store").path("backend").asText())
                .contains("Kubernetes secret volume");
    }

    @Test
    void withoutACacheFolderRefreshedTokensLiveOnlyInTheProcess() throws Exception {
        PackagedCli pod = pod(null);
        emulator.clearRequests();
        assertThat(pod.run("get-access-token", "-r", "graph").exitCode()).isZero();
        assertThat(pod.run("get-access-token", "-r", "graph").exitCode()).isZero();
        assertThat(emulator.count(r -> r.path().endsWith("/token"))).isEqualTo(2);
    }

    @Test
    void anAtomicSecretSwapWhileM365RunsNeverBreaksARun() throws Exception {
        byte[] alice = Files.readAllBytes(volume.resolve("connection.json"));
        assertThat(cli.run("login", "-u", "bob@contoso.onmicrosoft.com", "-p", "bob-password-2").exitCode()).isZero();
        byte[] bob = export(cli);
        Path cache = Files.createTempDirectory(configDir.getParent(), "empty-dir");
        PackagedCli pod = pod(cache);

        AtomicBoolean swapping = new AtomicBoolean(true);
        Thread kubelet = new Thread(() -> {
            try {
                for (int i = 0; swapping.get(); i++) {
                    publish(i % 2 == 0 ? bob : alice);
                    Thread.sleep(37);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        kubelet.start();
        List<String> seen = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                CliResult status = pod.run("get-access-token", "-r", "graph", "--decoded", "--query", "payload.upn");
                assertThat(status.exitCode()).as("run " + i + ": " + status).isZero();
                seen.add(status.stdout().strip());
            }
        } finally {
            swapping.set(false);
            kubelet.join();
        }
        assertThat(seen).allMatch(u -> u.contains("alice@") || u.contains("bob@"));

        publish(bob);
        assertThat(pod.run("status").stdout()).as("a swapped Secret wins over the cache derived from the old one")
                .contains("bob@contoso.onmicrosoft.com");
    }

    @Test
    void aMissingSecretIsAClearError() throws Exception {
        CliResult result = pod(null).with("M365_STORE_SECRET_DIR", volume.resolve("nope").toString()).run("status");
        assertThat(result.exitCode()).isEqualTo(14);
        assertThat(result.stderr()).contains("m365 connection export --format k8s-secret");
        assertThat(new String(Files.readAllBytes(volume.resolve("connection.json")), StandardCharsets.UTF_8))
                .contains("alice@contoso.onmicrosoft.com");
    }
}
