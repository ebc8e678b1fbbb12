package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;
import dev.m365.testing.RunningCli;

/** The encrypted store under parallel processes, kill -9, tampering and wrong keys: nothing stored is ever lost. */
class StoreIT extends EmulatorTest {

    @BeforeEach
    void signIn() throws Exception {
        assertThat(loginAs("alice", "login").exitCode()).isZero();
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
        for (String name : new String[] { "store.enc", "store.key", "store.lock" }) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        String stored = Files.readString(configDir.resolve("store.enc"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("alice").doesNotContain("refresh");
    }

    @Test
    void parallelProcessesNeverLoseEachOthersUpdates() throws Exception {
        int processes = 8;
        List<RunningCli> running = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            running.add(cli.start("get-access-token", "--resource", "https://api" + i + ".contoso.example"));
        }
        for (RunningCli r : running) {
            CliResult result = r.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        emulator.clearRequests();
        for (int i = 0; i < processes; i++) {
            assertThat(cli.run("get-access-token", "--resource", "https://api" + i + ".contoso.example").exitCode())
                    .isZero();
        }
        assertThat(emulator.requests()).as("every process's token was kept, so none is fetched again").isEmpty();
    }

    @Test
    void killMinus9DuringWritesAlwaysLeavesAReadableStore() throws Exception {
        for (int i = 0; i < 12; i++) {
            RunningCli victim = cli.start("get-access-token", "--new", "--resource", "https://kill" + i + ".example");
            Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1600));
            victim.kill();
            victim.await(PackagedCli.TIMEOUT);
            CliResult status = cli.run("status");
            assertThat(status.exitCode()).as("run " + i + ": " + status).isZero();
        }
        assertThat(cli.run("get-access-token", "--resource", "https://after.example").exitCode()).isZero();
        try (var files = Files.list(configDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file outlives the next write")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aTamperedStoreIsReportedAndLeftUntouched() throws Exception {
        Path store = configDir.resolve("store.enc");
        byte[] bytes = Files.readAllBytes(store);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(store, bytes);

        CliResult status = cli.run("status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(14);
        assertThat(status.stderr()).contains("modified or corrupted").contains("left untouched");
        CliResult logout = cli.run("logout");
        assertThat(logout.exitCode()).isEqualTo(14);
        assertThat(Files.readAllBytes(store)).isEqualTo(bytes);
    }

    @Test
    void aTruncatedStoreIsReportedAndLeftUntouched() throws Exception {
        Path store = configDir.resolve("store.enc");
        byte[] bytes = java.util.Arrays.copyOf(Files.readAllBytes(store), 20);
        Files.write(store, bytes);
        CliResult status = cli.run("status");
        assertThat(status.exitCode()).isEqualTo(14);
        assertThat(status.stderr()).contains("not an m365 store");
        assertThat(Files.readAllBytes(store)).isEqualTo(bytes);
    }

    @Test
    void aWrongKeyIsReportedAndTheStoreLeftUntouched() throws Exception {
        Path store = configDir.resolve("store.enc");
        byte[] before = Files.readAllBytes(store);
        byte[] otherKey = new byte[32];
        ThreadLocalRandom.current().nextBytes(otherKey);
        PackagedCli withOtherKey = cli.with("M365_STORE_KEY", Base64.getEncoder().encodeToString(otherKey));

        CliResult status = withOtherKey.run("status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(14);
        assertThat(status.stderr()).contains("different key").contains("M365_STORE_KEY");
        assertThat(withOtherKey.run("logout").exitCode()).isEqualTo(14);
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(status.stderr()).doesNotContain(Base64.getEncoder().encodeToString(otherKey));
    }

    @Test
    void aKeyFromTheEnvironmentIsNeverWrittenToDisk() throws Exception {
        Path fresh = PackagedCli.tempConfigDir();
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        PackagedCli container = PackagedCli.forEmulator(emulator.url(), fresh)
                .with("M365_STORE_KEY", Base64.getEncoder().encodeToString(key));
        assertThat(loginAs(container, "bob", "login").exitCode()).isZero();
        assertThat(fresh.resolve("store.key")).doesNotExist();
        assertThat(container.run("status").stdout()).contains("bob@contoso.onmicrosoft.com");
        assertThat(PackagedCli.forEmulator(emulator.url(), fresh).run("status").exitCode())
                .as("without the key the store cannot be read").isEqualTo(14);
    }

    @Test
    void theLockWaitsForAnotherProcessThenTimesOutWithAClearMessage() throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(configDir.resolve("store.lock"),
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.lock()) {
            CliResult result = cli.with("M365_STORE_LOCK_TIMEOUT", "1s").run("logout");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(14);
            assertThat(result.stderr()).contains("held the store lock").contains("m365.store.lock-timeout");
            assertThat(cli.run("status").exitCode()).as("reads need no lock").isZero();
        }
        assertThat(cli.run("logout").exitCode()).isZero();
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
    }

}
