package dev.m365.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged CLI through {@code bin/m365} as a subprocess, with a clean environment: its own config dir,
 * the emulator as authority, no proxy or m365 variables inherited from the machine.
 */
public final class PackagedCli {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path LAUNCHER = Path.of("bin", "m365").toAbsolutePath();

    private final Map<String, String> env;
    private final List<String> prefix;

    private PackagedCli(Map<String, String> env) {
        this(env, List.of());
    }

    private PackagedCli(Map<String, String> env, List<String> prefix) {
        this.env = Map.copyOf(env);
        this.prefix = List.copyOf(prefix);
    }

    /** Runs m365 as another user (util-linux setpriv); the tests must run as root. */
    public PackagedCli asUser(int uid) {
        return new PackagedCli(env, List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
    }

    public static PackagedCli forEmulator(String authorityHost, Path configDir) {
        Map<String, String> env = new HashMap<>();
        for (String keep : List.of("PATH", "HOME", "JAVA_HOME", "LANG", "TMPDIR")) {
            String value = System.getenv(keep);
            if (value != null) {
                env.put(keep, value);
            }
        }
        env.put("AZURE_AUTHORITY_HOST", authorityHost);
        env.put("M365_CONFIG_DIR", configDir.toString());
        return new PackagedCli(env);
    }

    /**
     * The CLI as it runs behind a TLS-inspecting corporate proxy: Microsoft's real URLs (no AZURE_AUTHORITY_HOST),
     * HTTPS_PROXY pointing at the emulator's intercepting proxy, and its CA trusted through M365_TLS_CA_FILE.
     */
    public PackagedCli throughInterceptingProxy(dev.m365.emulator.EntraEmulator emulator) throws Exception {
        Path ca = Files.createTempFile(Path.of("target", "it-config").toAbsolutePath(), "proxy-ca", ".pem");
        int port = emulator.startInterceptingProxy(ca);
        return with("AZURE_AUTHORITY_HOST", null).with("HTTPS_PROXY", "http://127.0.0.1:" + port)
                .with("M365_TLS_CA_FILE", ca.toString());
    }

    /**
     * Runs m365 with SIGINT handled the default way even when this test run inherited it ignored (a build started in
     * the background), as it is for a command typed at a terminal. Perl is part of every Debian system.
     */
    public PackagedCli withDefaultSigint() {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"$ARGV[0]: $!\\n\";"));
        return new PackagedCli(env, wrapped);
    }

    public PackagedCli with(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new PackagedCli(copy, prefix);
    }

    public Map<String, String> env() {
        return env;
    }

    public RunningCli start(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(prefix);
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(List.of(args));
        builder.environment().clear();
        builder.environment().putAll(env);
        return new RunningCli(builder.start());
    }

    public CliResult run(String... args) throws IOException, InterruptedException {
        try (RunningCli running = start(args)) {
            running.stdin().close();
            return running.await(TIMEOUT);
        }
    }

    public CliResult runWithInput(String input, String... args) throws IOException, InterruptedException {
        try (RunningCli running = start(args)) {
            running.stdin().write(input.getBytes(StandardCharsets.UTF_8));
            running.stdin().close();
            return running.await(TIMEOUT);
        }
    }

    /**
     * Runs m365 on a real terminal (a pty from util-linux {@code script}) and types {@code typed} once it asks, as
     * a person would at a prompt.
     */
    public CliResult runInTerminal(String typed, String... args) throws IOException, InterruptedException {
        StringBuilder command = new StringBuilder(quote(LAUNCHER.toString()));
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null");
        builder.environment().clear();
        builder.environment().putAll(env);
        try (RunningCli running = new RunningCli(builder.start())) {
            running.awaitStdout(java.util.regex.Pattern.compile(":\\s*$"), TIMEOUT);
            running.stdin().write((typed + "\n").getBytes(StandardCharsets.UTF_8));
            running.stdin().flush();
            return running.await(TIMEOUT);
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static Path tempConfigDir() throws IOException {
        Path base = Path.of("target", "it-config").toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "m365-");
    }
}
