package dev.m365.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.m365.testing.CliResult;

/**
 * The files users copy or run without our tests around them pass the linters their ecosystems use: action.yml and
 * the example workflow (action-validator, actionlint), the Dockerfiles (dockerfilelint, dockerfile-utils), every
 * shell script (shellcheck). Each linter is also shown a broken file, to prove it is really looking.
 */
class ShippedFilesLintTest {

    private static final Path TOOLS = Path.of("src/test/lint/node_modules/.bin");
    private static final Path WORKFLOW = Path.of("examples/github-actions/m365.yml");
    private static final List<String> SCRIPTS = List.of("bin/m365", "action/sign-in.sh", ".ci/run", ".ci/container-bases");

    @TempDir
    Path scratch;

    @BeforeAll
    static void toolsInstalled() {
        if (!Files.isDirectory(TOOLS)) {
            if (System.getenv("M365_REQUIRE_LINT_TESTS") != null) {
                throw new AssertionError("M365_REQUIRE_LINT_TESTS is set but " + TOOLS + " is missing: npm ci in src/test/lint");
            }
            Assumptions.abort("linters not installed: (cd src/test/lint && npm ci)");
        }
    }

    @Test
    void theActionAndTheExampleWorkflowPassActionValidatorAndActionlint() throws Exception {
        for (String file : List.of("action.yml", WORKFLOW.toString())) {
            CliResult validated = run(TOOLS.resolve("action-validator").toString(), file);
            assertThat(validated.exitCode()).as(file + "\n" + validated).isZero();
        }
        CliResult linted = run("node", "src/test/lint/actionlint.mjs", WORKFLOW.toString());
        assertThat(linted.exitCode()).as(linted.toString()).isZero();

        Path broken = scratch.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: echo ${{ github.event.issue.title }}\n");
        assertThat(run("node", "src/test/lint/actionlint.mjs", broken.toString()).stdout()).contains("untrusted");
        Files.writeString(broken, "runs:\n  using: composite\n  steps: []\n");
        assertThat(run(TOOLS.resolve("action-validator").toString(), broken.toString()).exitCode()).isNotZero();
    }

    @Test
    void theReadmeShowsTheExampleWorkflowThatIsLinted() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).contains(Files.readString(WORKFLOW));
    }

    @Test
    void theDockerfilesPassDockerfilelintAndDockerfileUtils() throws Exception {
        List<String> dockerfiles = List.of("docker/Dockerfile.jvm", "docker/Dockerfile.native");
        for (String file : dockerfiles) {
            CliResult lint = run(TOOLS.resolve("dockerfilelint").toString(), "-c", "docker", file);
            assertThat(lint.exitCode()).as(lint.toString()).isZero();
            CliResult utils = run(TOOLS.resolve("dockerfile-utils").toString(), "lint", file);
            assertThat(utils.stdout() + utils.stderr()).as(file).isBlank();
            Matcher images = Pattern.compile("(?m)^ARG (\\w+_IMAGE)=(\\S+)$").matcher(Files.readString(Path.of(file)));
            int found = 0;
            while (images.find()) {
                found++;
                assertThat(images.group(2)).as(images.group(1) + " names a tag").matches(".*:[\\w.-]+$");
            }
            assertThat(found).as(file + " takes its base images as build arguments").isGreaterThanOrEqualTo(2);
        }
        Path broken = scratch.resolve("Dockerfile");
        Files.writeString(broken, "FROM debian:bookworm\nRUN apt-get install curl\nMAINTAINER someone\n");
        assertThat(run(TOOLS.resolve("dockerfilelint").toString(), broken.toString()).exitCode()).isNotZero();
        assertThat(run(TOOLS.resolve("dockerfile-utils").toString(), "lint", broken.toString()).stdout()).contains("deprecated");
    }

    @Test
    void theShellScriptsPassShellcheck() throws Exception {
        List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=info"));
        command.addAll(SCRIPTS);
        CliResult checked = run(command.toArray(String[]::new));
        assertThat(checked.exitCode()).as(checked.toString()).isZero();

        Path broken = scratch.resolve("broken.sh");
        Files.writeString(broken, "#!/bin/sh\nrm -rf $1/*\n");
        assertThat(run("shellcheck", broken.toString()).exitCode()).isNotZero();
    }

    private static CliResult run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new CliResult(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
