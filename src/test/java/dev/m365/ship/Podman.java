package dev.m365.ship;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import dev.m365.testing.CliResult;

/**
 * The podman CLI, as CI sets it up (.ci/run: runc, cgroupfs, lower ulimits, the base images .ci/container-bases
 * makes). CI sets M365_REQUIRE_CONTAINER_TESTS, so there the container tests run or fail; elsewhere they are skipped
 * when podman or the base images are missing.
 */
public final class Podman {

    public static final String JDK_IMAGE = "localhost/m365-jdk:17";
    public static final String BASE_IMAGE = "localhost/debian-minbase:bookworm";

    private Podman() {
    }

    public static Podman require() throws Exception {
        Podman podman = new Podman();
        String problem = podman.problem();
        if (problem != null) {
            if (System.getenv("M365_REQUIRE_CONTAINER_TESTS") != null) {
                throw new AssertionError("M365_REQUIRE_CONTAINER_TESTS is set but " + problem);
            }
            Assumptions.abort("container tests skipped: " + problem);
        }
        return podman;
    }

    private String problem() throws Exception {
        CliResult info;
        try {
            info = run("info", "--format", "{{.Host.OCIRuntime.Name}}");
        } catch (IOException e) {
            return "podman is not installed (apt-get install podman runc)";
        }
        if (info.exitCode() != 0) {
            return "podman does not work here (export CONTAINERS_CONF=.ci/podman/containers.conf): " + info.stderr().strip();
        }
        for (String image : List.of(JDK_IMAGE, BASE_IMAGE)) {
            if (run("image", "exists", image).exitCode() != 0) {
                return "the base image " + image + " is missing: run .ci/container-bases";
            }
        }
        return null;
    }

    public CliResult run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), null, args);
    }

    /** Runs podman with extra environment variables (for `-e NAME` pass-through) and optional stdin. */
    public CliResult run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("podman " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new CliResult(process.exitValue(), out.join(), err.join());
    }

    /** Like {@link #run(String...)}, failing the test unless podman succeeds. */
    public String ok(String... args) throws IOException, InterruptedException {
        CliResult result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("podman " + String.join(" ", args) + " failed:\n" + result);
        }
        return result.stdout();
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
