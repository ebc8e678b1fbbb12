package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;
import dev.m365.testing.Root;

/** The store refuses unsafe places and survives failing disks: one line with the fix, stored state untouched. */
class HostileStoreIT extends EmulatorTest {

    private Path store;

    @BeforeEach
    void signIn() throws Exception {
        assertThat(cli.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1").exitCode()).isZero();
        store = configDir.resolve("store.enc");
    }

    @Test
    void folderOrFilesOthersCanReadAreRefusedWithTheFix() throws Exception {
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliResult folder = cli.run("status");
        assertThat(folder.exitCode()).as(folder.toString()).isEqualTo(14);
        assertThat(folder.stderr()).contains("rwxr-xr-x").contains("chmod 700 " + configDir);
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwx------"));

        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-r--r--"));
        CliResult file = cli.run("status");
        assertThat(file.exitCode()).isEqualTo(14);
        assertThat(file.stderr()).contains("chmod 600 " + store);
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        assertThat(cli.run("status").exitCode()).isZero();
    }

    @Test
    void aSymlinkedStoreFileIsRefused() throws Exception {
        Path elsewhere = Files.createTempFile(configDir.getParent(), "elsewhere", ".enc");
        Files.move(store, elsewhere, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(store, elsewhere);
        CliResult result = cli.run("status");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(14);
        assertThat(result.stderr()).contains("symbolic link");
        assertThat(cli.run("logout").exitCode()).isEqualTo(14);
        assertThat(Files.isSymbolicLink(store)).isTrue();
    }

    @Test
    void aForeignOwnerIsRefused() throws Exception {
        Root.require();
        Root.run("chown", "65534", configDir.toString());
        CliResult result = cli.run("status");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(14);
        assertThat(result.stderr()).contains("belongs to uid 65534").contains("chown");
        Root.run("chown", "0", configDir.toString());
    }

    @Test
    void aFullDiskFailsTheWriteAndKeepsTheOldState() throws Exception {
        Root.require();
        Path mount = Files.createTempDirectory(configDir.getParent(), "tmpfs");
        Root.run("mount", "-t", "tmpfs", "-o", "size=32k,mode=0700", "tmpfs", mount.toString());
        try {
            Path small = mount.resolve("m365");
            PackagedCli onSmallDisk = PackagedCli.forEmulator(emulator.url(), small);
            assertThat(onSmallDisk.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1")
                    .exitCode()).isZero();
            byte[] before = Files.readAllBytes(small.resolve("store.enc"));
            fill(mount);
            CliResult full = onSmallDisk.run("login", "-u", "bob@contoso.onmicrosoft.com", "-p", "bob-password-2");
            assertThat(full.exitCode()).as(full.toString()).isEqualTo(14);
            assertThat(full.stderr()).contains("No space left on device").contains("previous state was kept");
            assertThat(Files.readAllBytes(small.resolve("store.enc"))).isEqualTo(before);
            assertThat(onSmallDisk.run("status").stdout()).contains("alice@contoso.onmicrosoft.com");
            try (var files = Files.list(small)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            Root.run("umount", mount.toString());
        }
    }

    @Test
    void aReadOnlyConfigFolderStillReadsAndRefusesWritesCleanly() throws Exception {
        Root.require();
        Root.run("chown", "-R", "65534:65534", configDir.toString());
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("r-x------"));
        byte[] before = Files.readAllBytes(store);
        PackagedCli asNobody = cli.asUser(65534);
        CliResult status = asNobody.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        CliResult logout = asNobody.run("logout");
        assertThat(logout.exitCode()).as(logout.toString()).isEqualTo(14);
        assertThat(logout.stderr().lines()).hasSize(1);
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    /** Fills the file system, leaving a few hundred bytes: enough for nothing. */
    private static void fill(Path mount) throws Exception {
        try (var out = Files.newOutputStream(mount.resolve("filler"))) {
            byte[] block = new byte[512];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (java.io.IOException full) {
            // the disk is full now
        }
    }
}
