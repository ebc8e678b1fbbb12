package dev.m365.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.m365.emulator.Directory;
import dev.m365.emulator.EntraEmulator;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.TestCertificates;

/**
 * The GitHub Action's sign-in step run the way a runner runs it: the `env` its action.yml maps from the `with:`
 * inputs, the runner's GITHUB_* files and RUNNER_TEMP, and GitHub's OIDC token service (the emulator's) for
 * federated identity. A later step then uses what the action left in GITHUB_ENV and GITHUB_PATH.
 */
class GitHubActionIT extends EmulatorTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private Path runner;

    @BeforeEach
    void aFreshRunner() throws Exception {
        runner = Files.createDirectories(configDir.resolve("runner"));
        for (String file : List.of("env", "path", "output")) {
            Files.createFile(runner.resolve(file));
        }
        Files.createDirectories(runner.resolve("temp"));
        emulator.directory().updateApp(Directory.DAEMON_APP, app -> app.withFederatedCredential(
                EntraEmulator.githubIssuer(), EntraEmulator.githubSubject(), "api://AzureADTokenExchange"));
    }

    /** The sign-in step's environment, from action.yml's own `env` mapping of inputs (and their defaults). */
    private Map<String, String> stepEnv(Map<String, String> with, boolean idTokenPermission) throws Exception {
        JsonNode action = YAML.readTree(REPOSITORY.resolve("action.yml").toFile());
        JsonNode step = null;
        for (JsonNode s : action.path("runs").path("steps")) {
            if ("sign-in".equals(s.path("id").asText())) {
                step = s;
            }
        }
        assertThat(step).as("action.yml has a step with id sign-in").isNotNull();
        Map<String, String> env = new HashMap<>();
        for (var entry : step.path("env").properties()) {
            String input = entry.getValue().asText().replaceAll("^\\$\\{\\{ inputs\\.([a-z-]+) }}$", "$1");
            assertThat(action.path("inputs").has(input)).as(entry.getKey() + " maps a declared input").isTrue();
            String value = with.getOrDefault(input, action.path("inputs").path(input).path("default").asText(""));
            env.put(entry.getKey(), value);
        }
        for (String keep : List.of("PATH", "HOME", "JAVA_HOME", "LANG")) {
            if (System.getenv(keep) != null) {
                env.put(keep, System.getenv(keep));
            }
        }
        env.putAll(Map.of("GITHUB_ACTION_PATH", REPOSITORY.toString(), "RUNNER_TEMP", runner.resolve("temp").toString(),
                "GITHUB_ENV", runner.resolve("env").toString(), "GITHUB_PATH", runner.resolve("path").toString(),
                "GITHUB_OUTPUT", runner.resolve("output").toString(), "GITHUB_ACTIONS", "true",
                "AZURE_AUTHORITY_HOST", emulator.url()));
        if (idTokenPermission) {
            env.put("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.githubTokenUrl());
            env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.githubRequestToken());
        }
        return env;
    }

    private static CliResult runStep(Map<String, String> env, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(REPOSITORY.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new CliResult(process.exitValue(), out.join(), err.join());
    }

    private CliResult signIn(Map<String, String> with, boolean idTokenPermission) throws Exception {
        return runStep(stepEnv(with, idTokenPermission), "\"$GITHUB_ACTION_PATH/action/sign-in.sh\"");
    }

    /** A later step: the runner adds GITHUB_PATH entries to PATH and GITHUB_ENV lines to the environment. */
    private CliResult laterStep(String script) throws Exception {
        Map<String, String> env = new HashMap<>(stepEnv(Map.of(), false));
        env.keySet().removeIf(k -> k.startsWith("INPUT_"));
        for (String line : Files.readAllLines(runner.resolve("env"))) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        env.put("PATH", String.join(":", Files.readAllLines(runner.resolve("path"))) + ":" + env.get("PATH"));
        return runStep(env, script);
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(runner.resolve("output"))) {
            outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return outputs;
    }

    @Test
    void federatedIdentityByDefaultWithAMaskedTokenOutputAndM365ForLaterSteps() throws Exception {
        CliResult step = signIn(Map.of("app-id", Directory.DAEMON_APP, "tenant", "contoso.onmicrosoft.com",
                "resource", "https://graph.microsoft.com"), true);
        assertThat(step.exitCode()).as(step.toString()).isZero();
        assertThat(emulator.githubTokensIssued()).isPositive();

        Map<String, String> outputs = outputs();
        assertThat(outputs).containsEntry("config-dir", runner.resolve("temp/m365").toString())
                .containsEntry("connection", Directory.DAEMON_APP).containsKeys("access-token", "expires-on");
        String token = outputs.get("access-token");
        assertThat(token).startsWith("eyJ");
        String log = step.stdout() + step.stderr();
        assertThat(log).as("the token is masked before anything else could print it")
                .startsWith("Signed in").contains("::add-mask::" + token);
        assertThat(log.replace("::add-mask::" + token, "")).doesNotContain(token);

        CliResult later = laterStep("command -v m365 && m365 status --output json");
        assertThat(later.exitCode()).as(later.toString()).isZero();
        assertThat(later.stdout()).contains(REPOSITORY.resolve("bin/m365").toString());
        assertThat(later.stdout()).contains("\"connectedAs\" : \"" + Directory.DAEMON_APP + "\"");
        assertThat(later.stderr()).as("the store key is given: no warning about it").isEmpty();
        assertThat(Files.readString(runner.resolve("env"))).doesNotContain(token);
    }

    @Test
    void withoutIdTokenPermissionTheErrorSaysWhatToAdd() throws Exception {
        CliResult step = signIn(Map.of("app-id", Directory.DAEMON_APP, "tenant", "contoso.onmicrosoft.com"), false);
        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.stdout()).startsWith("::error title=m365 sign-in::").contains("permissions: id-token: write");
    }

    @Test
    void aClientSecretFromTheInputsIsNeverEchoed() throws Exception {
        CliResult step = signIn(Map.of("auth-type", "secret", "app-id", Directory.DAEMON_APP,
                "tenant", "contoso.onmicrosoft.com", "client-secret", Directory.DAEMON_SECRET), true);
        assertThat(step.exitCode()).as(step.toString()).isZero();
        assertThat(emulator.count(r -> Directory.DAEMON_SECRET.equals(r.form().get("client_secret")))).isEqualTo(1);
        for (String written : List.of(step.stdout(), step.stderr(), Files.readString(runner.resolve("env")),
                Files.readString(runner.resolve("output")))) {
            assertThat(written).doesNotContain(Directory.DAEMON_SECRET);
        }
        assertThat(laterStep("m365 get-access-token -r graph --query tokenType -o tsv").stdout().strip()).isEqualTo("Bearer");
    }

    @Test
    void aCertificateFromTheInputs() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.selfSigned("github-deploy");
        emulator.directory().updateApp(Directory.DAEMON_APP, app -> app.withCertificate(certificate.certificate()));
        Path pfx = certificate.pfx(configDir.resolve("deploy.pfx"), "pfx-pass-123");
        CliResult step = signIn(Map.of("auth-type", "certificate", "app-id", Directory.DAEMON_APP,
                "tenant", "contoso.onmicrosoft.com", "certificate", Base64.getEncoder().encodeToString(Files.readAllBytes(pfx)),
                "certificate-password", "pfx-pass-123", "connection-name", "deploy"), true);
        assertThat(step.exitCode()).as(step.toString()).isZero();
        assertThat(outputs()).containsEntry("connection", "deploy");
        assertThat(step.stdout() + step.stderr()).doesNotContain("pfx-pass-123");
    }

    @Test
    void aMissingInputIsAnnotatedWithTheFix() throws Exception {
        CliResult step = signIn(Map.of("auth-type", "secret", "app-id", Directory.DAEMON_APP,
                "tenant", "contoso.onmicrosoft.com"), true);
        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.stdout()).startsWith("::error title=m365 sign-in::").contains("client-secret");
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
