package dev.m365.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.m365.emulator.EntraEmulator;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The commands run in-process (the Quarkus application started per command) against the emulator. Configuration
 * comes from system properties, the in-process equivalent of the environment.
 */
@QuarkusMainTest
class CommandsInProcessTest {

    private static EntraEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = EntraEmulator.start();
        Path dir = Files.createTempDirectory("m365-inprocess");
        System.setProperty("m365.config-dir", dir.resolve("config").toString());
        System.setProperty("m365.authority-host", emulator.url());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("m365.config-dir");
        System.clearProperty("m365.authority-host");
        emulator.close();
    }

    @Test
    void helpListsCommandsServicesAndExitCodes(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("login", "status", "logout", "spo", "graph", "aad", "azmgmt",
                "o365mgmt", "yammer", "Exit codes:", "130");
        assertThat(launcher.launch("spo", "login", "--help").getOutput()).contains("<url>");
        assertThat(launcher.launch("--version").getOutput()).startsWith("m365 ");
    }

    @Test
    void loginStatusAndLogout(QuarkusMainLauncher launcher) {
        CompletableFuture<Void> person = CompletableFuture.runAsync(() -> {
            try {
                emulator.approve(emulator.awaitUserCode(Duration.ofSeconds(30)), "alice");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        LaunchResult login = launcher.launch("login");
        person.join();
        assertThat(login.exitCode()).as(login.getErrorOutput()).isZero();
        assertThat(login.getErrorOutput()).contains("/devicelogin");

        LaunchResult status = launcher.launch("status", "--output", "text");
        assertThat(status.exitCode()).isZero();
        assertThat(status.getOutput()).contains("connectedAs   : alice@contoso.onmicrosoft.com");
        assertThat(launcher.launch("yammer", "status").getOutput()).contains("\"servedBy\" : \"connection alice");

        assertThat(launcher.launch("logout").exitCode()).isZero();
        LaunchResult loggedOut = launcher.launch("status", "-o", "text");
        assertThat(loggedOut.exitCode()).isEqualTo(3);
        assertThat(loggedOut.getOutput().strip()).isEqualTo("Logged out");
    }

    @Test
    void badInputIsOneLineWithExitCode2(QuarkusMainLauncher launcher) {
        LaunchResult unknown = launcher.launch("login", "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("Unknown option: '--frobnicate'").contains("m365 login --help");

        LaunchResult noUrl = launcher.launch("spo", "login");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.getErrorOutput()).contains("site URL");

        LaunchResult notSharePoint = launcher.launch("spo", "login", "https://example.com");
        assertThat(notSharePoint.exitCode()).isEqualTo(2);
        assertThat(notSharePoint.getErrorOutput()).contains("not a SharePoint Online URL");

        LaunchResult badType = launcher.launch("login", "--authType", "magic");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.getErrorOutput()).contains("deviceCode");
        assertThat(emulator.requests()).noneMatch(r -> r.path().endsWith("devicecode") && r.form().isEmpty());
    }
}
