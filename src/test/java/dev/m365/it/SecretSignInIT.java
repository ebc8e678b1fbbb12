package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;

/** App-only sign-in with a client secret, in the CLI for Microsoft 365's, the Azure CLI's and the xplat CLI's words. */
class SecretSignInIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = Directory.DAEMON_APP;
    private static final String SECRET = Directory.DAEMON_SECRET;
    private static final String TENANT = "contoso.onmicrosoft.com";

    @Test
    void cliForMicrosoft365SpellingSignsInAppOnly() throws Exception {
        CliResult result = cli.run("login", "--authType", "secret", "--appId", APP, "--secret", SECRET,
                "--tenant", TENANT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode status = JSON.readTree(cli.run("status").stdout());
        assertThat(status.path("connectedAs").asText()).isEqualTo(APP);
        assertThat(status.path("identityType").asText()).isEqualTo("app");
        assertThat(status.path("authType").asText()).isEqualTo("secret");
    }

    @Test
    void furtherResourcesRepeatTheCredentialFlowSilently() throws Exception {
        assertThat(cli.run("login", "--authType", "secret", "--appId", APP, "--secret", SECRET, "--tenant", TENANT)
                .exitCode()).isZero();
        CliResult arm = cli.run("get-access-token", "--resource", "https://management.azure.com/", "--debug");
        assertThat(arm.exitCode()).as(arm.toString()).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("client_credentials"))).isEqualTo(2);
        assertThat(arm.stderr()).doesNotContain(SECRET);
        assertThat(java.nio.file.Files.readString(configDir.resolve("store.enc"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    @Test
    void azureCliServicePrincipalSpelling() throws Exception {
        CliResult result = cli.run("login", "--service-principal", "-u", APP, "-p", SECRET, "--tenant", TENANT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(result.stdout()).path("connectedAs").asText()).isEqualTo(APP);
    }

    @Test
    void xplatCliPromptsForTheSecretOnATerminal() throws Exception {
        CliResult result = cli.runInTerminal(SECRET, "login", "-u", APP, "--service-principal", "--tenant", TENANT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Client secret").doesNotContain(SECRET);
    }

    @Test
    void secretFromStdinOrTheAzureSdkEnvironment() throws Exception {
        assertThat(cli.runWithInput(SECRET, "login", "--authType", "secret", "--appId", APP, "--secret", "-",
                "--tenant", TENANT).exitCode()).isZero();
        PackagedCli sdk = cli.with("AZURE_CLIENT_ID", APP).with("AZURE_TENANT_ID", TENANT)
                .with("AZURE_CLIENT_SECRET", SECRET);
        CliResult result = sdk.run("login", "--authType", "secret", "--debug");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).doesNotContain(SECRET);
    }

    @Test
    void wrongAndExpiredSecretsAreBadCredentials() throws Exception {
        CliResult wrong = cli.run("login", "--authType", "secret", "--appId", APP, "--secret", "not-the-secret-value",
                "--tenant", TENANT);
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(8);
        assertThat(wrong.stderr()).contains("AADSTS7000215").contains("value (not its id)");
        CliResult expired = cli.run("login", "--authType", "secret", "--appId", APP, "--secret",
                Directory.EXPIRED_SECRET, "--tenant", TENANT);
        assertThat(expired.exitCode()).isEqualTo(8);
        assertThat(expired.stderr()).contains("AADSTS7000222").contains("expired");
    }

    @Test
    void appOnlyNeedsTheAppAndOneTenant() throws Exception {
        CliResult noApp = cli.run("login", "--authType", "secret", "--secret", SECRET, "--tenant", TENANT);
        assertThat(noApp.exitCode()).isEqualTo(2);
        assertThat(noApp.stderr()).contains("--appId");
        CliResult common = cli.run("login", "--authType", "secret", "--appId", APP, "--secret", SECRET);
        assertThat(common.exitCode()).isEqualTo(2);
        assertThat(common.stderr()).contains("--tenant");
        CliResult unknownApp = cli.run("login", "--authType", "secret", "--appId",
                "00000000-1111-2222-3333-444444444444", "--secret", SECRET, "--tenant", TENANT);
        assertThat(unknownApp.exitCode()).isEqualTo(11);
        assertThat(emulator.count(r -> true)).isEqualTo(1);
    }
}
