package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.KeyringSession;
import dev.m365.testing.PackagedCli;

/** The store key in a real Secret Service (gnome-keyring on D-Bus), never on disk; a hung keyring never hangs m365. */
class KeyringStoreIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackagedCli withKeyring(KeyringSession session) {
        PackagedCli result = cli;
        for (var e : session.env().entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    @Test
    void theKeyLivesInTheOsPasswordStoreAndNotOnDisk() throws Exception {
        Path scratch = Files.createTempDirectory(configDir.getParent(), "keyring");
        try (KeyringSession session = KeyringSession.start(scratch)) {
            PackagedCli desktop = withKeyring(session);
            CliResult login = desktop.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1");
            assertThat(login.exitCode()).as(login.toString()).isZero();
            assertThat(login.stderr()).doesNotContain("file permissions only");
            assertThat(configDir.resolve("store.enc")).exists();
            assertThat(configDir.resolve("store.key")).as("no key on disk").doesNotExist();

            String key = session.lookup("service", "m365", "account", "store key " + configDir).strip();
            assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
            assertThat(new String(Files.readAllBytes(configDir.resolve("store.enc")), "ISO-8859-1")).doesNotContain(key);

            assertThat(desktop.run("status").stdout()).contains("alice@contoso.onmicrosoft.com");
            assertThat(JSON.readTree(desktop.run("cli", "doctor").stdout()).path("store").path("keyProtection").asText())
                    .contains("OS password store");

            session.hang();
            CliResult hung = desktop.with("M365_STORE_KEYRING_TIMEOUT", "1s").run("status");
            assertThat(hung.exitCode()).as(hung.toString()).isEqualTo(14);
            assertThat(hung.stderr()).contains("did not answer within 1000 ms").contains("left untouched");
            assertThat(configDir.resolve("store.enc")).exists();
        }
    }

    @Test
    void whenTheKeyringHangsANewStoreFallsBackToAKeyFileWithAWarning() throws Exception {
        Path scratch = Files.createTempDirectory(configDir.getParent(), "keyring");
        try (KeyringSession session = KeyringSession.start(scratch)) {
            session.hang();
            PackagedCli desktop = withKeyring(session).with("M365_STORE_KEYRING_TIMEOUT", "1s");
            CliResult login = desktop.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1");
            assertThat(login.exitCode()).as(login.toString()).isZero();
            assertThat(login.stderr()).contains("protected by file permissions only").contains("M365_STORE_KEY");
            assertThat(configDir.resolve("store.key")).exists();
            CliResult later = desktop.run("status");
            assertThat(later.exitCode()).isZero();
            assertThat(later.stderr()).as("the warning is given once").doesNotContain("file permissions only");
        }
    }

    @Test
    void withoutAnyKeyringTheKeyFileIsUsedAndDoctorSaysSo() throws Exception {
        PackagedCli headless = cli.with("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        CliResult login = headless.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stderr()).contains("protected by file permissions only");
        assertThat(JSON.readTree(headless.run("cli", "doctor").stdout()).path("store").path("keyProtection").asText())
                .contains("file permissions only");
    }
}
