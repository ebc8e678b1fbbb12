package dev.m365.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.m365.connection.Credential;
import dev.m365.connection.StoreData;
import dev.m365.json.Json;

/** A store written by the first m365 (format 1, a committed fixture) is read by this one and upgraded on write. */
class StoreMigrationTest {

    @TempDir
    Path dir;

    @Test
    void version1StoreIsReadAndRewrittenAsTheCurrentVersion() throws Exception {
        for (String name : new String[] { "store.enc", "store.key" }) {
            Files.copy(Path.of("src/test/resources/store-fixtures/v1", name), dir.resolve(name));
            // A clone checks files out 0644; a real store is 0600, and m365 refuses anything else.
            Files.setPosixFilePermissions(dir.resolve(name), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        SecureRandom random = new SecureRandom();
        StoreKeyFile key = StoreKeyFile.generatedIn(dir, random);
        EncryptedFileStore store = new EncryptedFileStore(dir, key, Duration.ofSeconds(5), new Json(), random);

        StoreData old = store.read();
        assertThat(old.activeConnection().orElseThrow().identity().name()).isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(old.activeConnection().orElseThrow().credential()).isEqualTo(
                new Credential.RefreshToken("1.ARo-fixture-refresh-token"));
        assertThat(old.serviceLogin("spo").orElseThrow().loginArgument()).isEqualTo("https://contoso.sharepoint.com");

        store.update(d -> d.withoutConnection("nobody"));
        store.update(d -> d.withConnection(d.activeConnection().orElseThrow().withName("renamed")));
        byte[] plain = new StoreCipher(random).open(Files.readAllBytes(dir.resolve("store.enc")), key.existing().orElseThrow());
        String json = new String(plain, StandardCharsets.UTF_8);
        assertThat(json).contains("\"version\":" + StoreData.CURRENT_VERSION).contains("\"serviceLogins\"")
                .doesNotContain("\"services\"");
        assertThat(store.read().serviceLogin("spo")).isPresent();
    }

    @Test
    void aStoreFromANewerM365IsLeftAlone() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreDocuments.parse(
                "{\"version\":99,\"connections\":{}}".getBytes(StandardCharsets.UTF_8), new Json(), "x"))
                .hasMessageContaining("newer m365");
    }
}
