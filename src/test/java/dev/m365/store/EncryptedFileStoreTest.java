package dev.m365.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.m365.config.Cloud;
import dev.m365.config.Setting;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.connection.StoreData;
import dev.m365.error.StoreException;
import dev.m365.json.Json;

class EncryptedFileStoreTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    private EncryptedFileStore store(Path folder) {
        return new EncryptedFileStore(folder, StoreKeyFile.generatedIn(folder, random), Duration.ofSeconds(10),
                new Json(), random);
    }

    static Connection connection(String name) {
        return new Connection("id-" + name, name, AuthType.deviceCode, "app", "common", "tid", Cloud.Public,
                "https://login.microsoftonline.com", new Identity(Identity.Kind.user, name, null, null),
                new Credential.RefreshToken("rt-" + name), null, Map.of(), 0, null, null);
    }

    @Test
    void nothingStoredReadsAsEmptyAndCreatesNothing() {
        EncryptedFileStore store = store(dir.resolve("m365"));
        assertThat(store.read()).isEqualTo(StoreData.empty());
        assertThat(dir.resolve("m365")).doesNotExist();
    }

    @Test
    void updatesPersistEncryptedWithOwnerOnlyPermissions() throws Exception {
        Path folder = dir.resolve("m365");
        store(folder).update(d -> d.withActiveConnection(connection("alice@contoso.com")));

        assertThat(store(folder).read().activeConnection()).map(Connection::name).contains("alice@contoso.com");
        String raw = Files.readString(folder.resolve("store.enc"), StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("M365").doesNotContain("alice").doesNotContain("rt-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("store.enc"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("store.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        EncryptedFileStore store = store(dir);
        store.update(d -> d.withActiveConnection(connection("a")));
        byte[] first = Files.readAllBytes(store.file());
        store.update(d -> d.withoutConnection("a"));
        store.update(d -> d.withActiveConnection(connection("a")));
        byte[] again = Files.readAllBytes(store.file());
        assertThat(again).hasSameSizeAs(first).isNotEqualTo(first);
    }

    @Test
    void concurrentUpdatesFromManyThreadsAreAllKept() throws Exception {
        EncryptedFileStore store = store(dir);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    String name = "t" + thread + "-" + i;
                    store(dir).update(d -> d.withActiveConnection(connection(name)));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(store.read().connections()).hasSize(16 * 20);
    }

    @Test
    void aTamperedFileFailsAndIsNeverOverwritten() throws Exception {
        EncryptedFileStore store = store(dir);
        store.update(d -> d.withActiveConnection(connection("a")));
        byte[] bytes = Files.readAllBytes(store.file());
        bytes[bytes.length - 1] ^= 0x40;
        Files.write(store.file(), bytes);

        assertThatThrownBy(store::read).isInstanceOf(StoreException.class).hasMessageContaining("modified or corrupted");
        assertThatThrownBy(() -> store.update(d -> d.withoutConnection("a"))).isInstanceOf(StoreException.class);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(bytes);
    }

    @Test
    void anotherKeyIsToldApartFromTampering() throws Exception {
        store(dir).update(d -> d.withActiveConnection(connection("a")));
        byte[] other = new byte[32];
        random.nextBytes(other);
        EncryptedFileStore withOtherKey = new EncryptedFileStore(dir, new ConfiguredStoreKey(new Setting<>(
                java.util.Base64.getEncoder().encodeToString(other), "environment variable M365_STORE_KEY")),
                Duration.ofSeconds(1), new Json(), random);
        assertThatThrownBy(withOtherKey::read).isInstanceOf(StoreException.class)
                .hasMessageContaining("different key").hasMessageContaining("M365_STORE_KEY");
    }

    @Test
    void aMissingKeyForAnExistingStoreIsAnErrorNotANewKey() throws Exception {
        EncryptedFileStore store = store(dir);
        store.update(d -> d.withActiveConnection(connection("a")));
        Files.delete(dir.resolve("store.key"));
        assertThatThrownBy(store::read).isInstanceOf(StoreException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> store.update(d -> d)).isInstanceOf(StoreException.class);
        assertThat(dir.resolve("store.key")).doesNotExist();
    }

    @Test
    void staleTempFilesFromKilledWritersAreRemovedUnderTheLock() throws Exception {
        EncryptedFileStore store = store(dir);
        store.update(d -> d.withActiveConnection(connection("a")));
        Path stale = dir.resolve(".store.enc.deadbeef0000.tmp");
        Files.write(stale, new byte[] { 1, 2, 3 });
        store.update(d -> d.withActiveConnection(connection("b")));
        assertThat(stale).doesNotExist();
    }

    @Test
    void aRefreshNeverResurrectsALoginThatWasRemoved() {
        EncryptedFileStore store = store(dir);
        Connection a = connection("a");
        store.update(d -> d.withActiveConnection(a));
        store.update(d -> d.withoutConnection("a"));
        store.update(d -> d.updateConnection(a.id(), c -> c.withCredential(new Credential.RefreshToken("rotated"))));
        assertThat(store.read().connections()).isEmpty();
    }
}
