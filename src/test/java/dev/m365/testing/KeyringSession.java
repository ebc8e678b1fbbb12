package dev.m365.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Secret Service for tests: a private D-Bus session bus and Debian's gnome-keyring-daemon on it, its login
 * keyring unlocked with a test password, as on a desktop after sign-in.
 */
public final class KeyringSession implements AutoCloseable {

    private final Process bus;
    private final Process keyring;
    private final Map<String, String> env;

    private KeyringSession(Process bus, Process keyring, Map<String, String> env) {
        this.bus = bus;
        this.keyring = keyring;
        this.env = env;
    }

    public static KeyringSession start(Path scratch) throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/gnome-keyring-daemon"))
                && Files.isExecutable(Path.of("/usr/bin/dbus-daemon"));
        if (System.getenv("M365_REQUIRE_KEYRING_TESTS") == null) {
            Assumptions.assumeTrue(available, "needs gnome-keyring and dbus (apt-get install gnome-keyring dbus)");
        }
        Path data = Files.createDirectories(scratch.resolve("data"));
        Path runtime = Files.createDirectories(scratch.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").start();
        String address = new String(readLine(bus), StandardCharsets.US_ASCII).strip();
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", address, "XDG_DATA_HOME", data.toString(),
                "XDG_RUNTIME_DIR", runtime.toString());
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true).redirectOutput(scratch.resolve("keyring.log").toFile());
        daemon.environment().putAll(env);
        Process keyring = daemon.start();
        keyring.getOutputStream().write("test-keyring-password".getBytes(StandardCharsets.UTF_8));
        keyring.getOutputStream().close();
        KeyringSession session = new KeyringSession(bus, keyring, env);
        session.awaitReady();
        return session;
    }

    /** DBUS_SESSION_BUS_ADDRESS and the XDG folders the keyring lives in. */
    public Map<String, String> env() {
        return env;
    }

    /** What `secret-tool lookup` finds (empty string when nothing). */
    public String lookup(String... attributes) throws Exception {
        String[] command = new String[attributes.length + 2];
        command[0] = "secret-tool";
        command[1] = "lookup";
        System.arraycopy(attributes, 0, command, 2, attributes.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** SIGSTOP: the daemon stays on the bus but never answers, like a hung keyring. */
    public void hang() throws Exception {
        new ProcessBuilder("kill", "-STOP", Long.toString(keyring.pid())).start().waitFor();
    }

    /**
     * Ready means an item can be stored and found again in the default collection, which is what m365 needs: a
     * search alone also "succeeds" before the daemon has taken its bus name or unlocked the login keyring.
     */
    private void awaitReady() throws Exception {
        for (int i = 0; i < 200; i++) {
            if (secretTool("probe-ready", "store", "--label", "m365 test probe", "m365-probe", "ready") == 0
                    && "probe-ready".equals(lookup("m365-probe", "ready").strip())) {
                secretTool("", "clear", "m365-probe", "ready");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("gnome-keyring-daemon did not come up: see keyring.log");
    }

    private int secretTool(String input, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("secret-tool");
        builder.command().addAll(java.util.List.of(args));
        builder.environment().putAll(env);
        Process p = builder.redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static byte[] readLine(Process process) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = process.getInputStream().read()) >= 0 && b != '\n') {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** SIGKILL: a stopped daemon ignores SIGTERM. */
    @Override
    public void close() {
        keyring.destroyForcibly();
        bus.destroyForcibly();
    }
}
