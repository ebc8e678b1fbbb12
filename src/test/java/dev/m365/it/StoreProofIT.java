package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.m365.config.Setting;
import dev.m365.connection.StoreData;
import dev.m365.json.Json;
import dev.m365.store.ConfiguredStoreKey;
import dev.m365.store.EncryptedFileStore;
import dev.m365.store.StoreWorker;
import dev.m365.testing.PackagedCli;

/** The store under real parallel processes and SIGKILL at random moments: nothing lost, nothing torn. */
class StoreProofIT {

    private Path dir;
    private String key;

    @BeforeEach
    void freshStore() throws Exception {
        dir = PackagedCli.tempConfigDir();
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = Base64.getEncoder().encodeToString(bytes);
    }

    private Process worker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StoreWorker.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("M365_STORE_KEY", key);
        return builder.start();
    }

    private StoreData readStore() {
        return new EncryptedFileStore(dir, new ConfiguredStoreKey(new Setting<>(key, "test")), Duration.ofSeconds(60),
                new Json(), new SecureRandom()).read();
    }

    @Test
    void sixteenProcessesTimesFiftyOperationsLoseNothing() throws Exception {
        int processes = 16;
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < processes; w++) {
            workers.add(worker("load", dir.toString(), Integer.toString(w), "50"));
        }
        Set<String> expected = new HashSet<>();
        for (Process p : workers) {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.exitValue()).as("a worker failed (lost update or lock): " + err).isZero();
            expected.addAll(List.of(new String(p.getInputStream().readAllBytes()).strip().split(",")));
        }
        StoreData data = readStore();
        Set<String> actual = new HashSet<>(data.connections().keySet());
        data.services().keySet().forEach(s -> actual.add("service:" + s));
        assertThat(actual).as("each process's final state is present, nothing else").isEqualTo(expected);
        assertThat(actual).hasSizeGreaterThanOrEqualTo(processes * 3);
    }

    @Test
    void sigkillDuringWritesAlwaysLeavesTheOldOrTheNewState() throws Exception {
        int kills = 30;
        int rounds = 0;
        for (int i = 0; i < kills; i++) {
            Process churn = worker("churn", dir.toString());
            Thread.sleep(ThreadLocalRandom.current().nextLong(400, 1400));
            churn.destroyForcibly();
            churn.waitFor(10, TimeUnit.SECONDS);
            if (!Files.exists(dir.resolve("store.enc"))) {
                continue;
            }
            StoreData data = readStore();
            Set<String> distinctRounds = new HashSet<>();
            data.connections().values().forEach(c -> distinctRounds.add(c.token("r").orElseThrow().token().split("-")[1]));
            assertThat(data.connections()).as("kill " + i).hasSize(200);
            assertThat(distinctRounds).as("kill " + i + ": a whole state, never a mix").hasSize(1);
            rounds++;
        }
        assertThat(rounds).as("the kills landed while the store was being written").isGreaterThan(kills / 2);
    }
}
