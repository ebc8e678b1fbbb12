package dev.m365.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.m365.emulator.EntraEmulator;

/** A fresh emulator and config dir per test, and the packaged CLI pointed at them. */
public abstract class EmulatorTest {

    protected EntraEmulator emulator;
    protected Path configDir;
    protected PackagedCli cli;
    protected DeviceLoginPage page;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = EntraEmulator.start();
        configDir = PackagedCli.tempConfigDir();
        cli = PackagedCli.forEmulator(emulator.url(), configDir);
        page = new DeviceLoginPage(emulator.url());
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** Runs a device-code login command and approves it as {@code user} at the device-login page. */
    protected CliResult loginAs(String user, String... args) throws Exception {
        return loginAs(cli, user, args);
    }

    protected CliResult loginAs(PackagedCli with, String user, String... args) throws Exception {
        try (RunningCli login = with.start(args.length == 0 ? new String[] { "login" } : args)) {
            String code = login.awaitStderr(DeviceLoginPage.CODE, Duration.ofSeconds(30));
            page.approve(code, user);
            return login.await(PackagedCli.TIMEOUT);
        }
    }
}
