package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.emulator.Directory;
import dev.m365.emulator.EntraEmulator;
import dev.m365.json.Json;
import dev.m365.store.EncryptedFileStore;
import dev.m365.store.StoreKeyFile;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;

/**
 * Workload identity federation from Kubernetes, GitHub Actions, Azure Pipelines and the command line. The external
 * token is never stored: later resources fetch a fresh one, so they keep working after it expires.
 */
class FederatedIdentityIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = Directory.DAEMON_APP;
    private static final String TENANT = Directory.CONTOSO_ID;
    private static final String AUDIENCE = "api://AzureADTokenExchange";

    @BeforeEach
    void trustTheWorkloads() {
        emulator.directory().updateApp(APP, app -> app
                .withFederatedCredential(EntraEmulator.githubIssuer(), EntraEmulator.githubSubject(), AUDIENCE)
                .withFederatedCredential(EntraEmulator.kubernetesIssuer(), "system:serviceaccount:jobs:nightly", AUDIENCE)
                .withFederatedCredential(EntraEmulator.pipelinesIssuer(), EntraEmulator.pipelinesSubject("sc-42"), AUDIENCE));
    }

    /** What the Azure workload identity webhook injects into a pod. */
    private PackagedCli pod(Path tokenFile) {
        return cli.with("AZURE_CLIENT_ID", APP).with("AZURE_TENANT_ID", TENANT)
                .with("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString());
    }

    @Test
    void kubernetesWorkloadIdentityRereadsTheRotatedTokenFile() throws Exception {
        Path file = Files.createTempFile(configDir.getParent(), "azure-identity-token", "");
        Files.writeString(file, emulator.kubernetesToken("jobs", "nightly", Duration.ofHours(1)));
        PackagedCli pod = pod(file);

        CliResult login = pod.run("login", "--authType", "federatedIdentity");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(JSON.readTree(login.stdout()).path("connectedAs").asText()).isEqualTo(APP);

        Files.writeString(file, emulator.untrustedToken("system:serviceaccount:jobs:nightly"));
        CliResult withBadFile = pod.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(withBadFile.exitCode()).as("the file is read again, not a stored copy").isEqualTo(12);

        Files.writeString(file, emulator.kubernetesToken("jobs", "nightly", Duration.ofHours(1)));
        assertThat(pod.run("get-access-token", "--resource", "https://management.azure.com/").exitCode()).isZero();
    }

    @Test
    void githubActionsFetchesAFreshTokenForEveryLaterResource() throws Exception {
        emulator.githubTokenLifetime(Duration.ofSeconds(2));
        PackagedCli step = cli.with("ACTIONS_ID_TOKEN_REQUEST_URL", emulator.githubTokenUrl())
                .with("ACTIONS_ID_TOKEN_REQUEST_TOKEN", emulator.githubRequestToken());
        CliResult login = step.run("login", "--authType", "federatedIdentity", "--appId", APP, "--tenant", TENANT,
                "--debug");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stderr()).doesNotContain(emulator.githubRequestToken());

        Thread.sleep(2500); // the first GitHub token has expired by now
        CliResult later = step.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(later.exitCode()).as(later.toString()).isZero();
        assertThat(emulator.githubTokensIssued()).isEqualTo(2);

        Connection stored = storedConnection();
        assertThat(stored.credential()).isEqualTo(new Credential.FederatedSource("githubActions", null, AUDIENCE, null));
        assertThat(new Json().pretty(stored.withCredential(null).withName("x")).replaceAll("\"token\" : \"[^\"]*\"", ""))
                .as("no federated token anywhere in the store").doesNotContain("eyJ");
    }

    @Test
    void azurePipelinesServiceConnection() throws Exception {
        CliResult result = cli.with("SYSTEM_OIDCREQUESTURI", emulator.pipelinesOidcUri())
                .with("SYSTEM_ACCESSTOKEN", emulator.pipelinesAccessToken())
                .with("AZURESUBSCRIPTION_SERVICE_CONNECTION_ID", "sc-42")
                .run("login", "--authType", "federatedIdentity", "--appId", APP, "--tenant", TENANT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aTokenGivenOnceWorksButCannotBeRenewed() throws Exception {
        String token = emulator.kubernetesToken("jobs", "nightly", Duration.ofMinutes(10));
        CliResult login = cli.runWithInput(token, "login", "--service-principal", "-u", APP, "--federated-token", "-",
                "--tenant", TENANT);
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(cli.run("get-access-token", "--resource", "https://graph.microsoft.com").exitCode())
                .as("the login's own token is cached").isZero();
        CliResult other = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(other.exitCode()).isEqualTo(4);
        assertThat(other.stderr()).contains("--federatedToken");
    }

    @Test
    void noMatchingFederatedCredentialAndExpiredTokensAreAssertionFailures() throws Exception {
        String wrongSubject = emulator.kubernetesToken("jobs", "someone-else", Duration.ofMinutes(10));
        CliResult noMatch = cli.run("login", "--authType", "federatedIdentity", "--appId", APP, "--tenant", TENANT,
                "--federatedToken", wrongSubject);
        assertThat(noMatch.exitCode()).as(noMatch.toString()).isEqualTo(12);
        assertThat(noMatch.stderr()).contains("AADSTS70021").contains("case-sensitive");
        assertThat(noMatch.stderr()).doesNotContain(wrongSubject);

        String expired = emulator.kubernetesToken("jobs", "nightly", Duration.ofSeconds(-600));
        CliResult late = cli.run("login", "--authType", "federatedIdentity", "--appId", APP, "--tenant", TENANT,
                "--federatedToken", expired);
        assertThat(late.exitCode()).isEqualTo(12);
        assertThat(late.stderr()).contains("AADSTS700024");
    }

    @Test
    void withoutAnySourceItSaysWhereTokensComeFrom() throws Exception {
        CliResult result = cli.run("login", "--authType", "federatedIdentity", "--appId", APP, "--tenant", TENANT);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("AZURE_FEDERATED_TOKEN_FILE").contains("id-token: write");
        assertThat(emulator.requests()).isEmpty();
    }

    private Connection storedConnection() {
        EncryptedFileStore store = new EncryptedFileStore(configDir, StoreKeyFile.generatedIn(configDir,
                new SecureRandom()), Duration.ofSeconds(5), new Json(), new SecureRandom());
        return store.read().activeConnection().orElseThrow();
    }
}
