package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;
import dev.m365.testing.TestProxy;

/** Managed identity: IMDS and App Service, system- and user-assigned, retries, never through a proxy. */
class ManagedIdentityIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private PackagedCli vm;

    @BeforeEach
    void onAnAzureVm() {
        vm = cli.with("AZURE_POD_IDENTITY_AUTHORITY_HOST", emulator.url());
    }

    @Test
    void systemAssignedIdentityOnAVm() throws Exception {
        CliResult result = vm.run("login", "--authType", "identity");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode login = JSON.readTree(result.stdout());
        assertThat(login.path("identityType").asText()).isEqualTo("managedIdentity");
        assertThat(login.path("connectedAs").asText()).isEqualTo(Directory.SYSTEM_MI_CLIENT);
        assertThat(emulator.requests()).anyMatch(r -> r.path().equals("/metadata/identity/oauth2/token")
                && "2018-02-01".equals(r.form().get("api-version")) && r.form().containsKey("resource"));
        assertThat(vm.run("get-access-token", "--resource", "https://management.azure.com/").exitCode()).isZero();
    }

    @Test
    void userAssignedIdentityByEachSelector() throws Exception {
        String[][] selectors = { { "--userName", Directory.USER_MI_CLIENT }, { "--client-id", Directory.USER_MI_CLIENT },
                { "--object-id", Directory.USER_MI_OBJECT }, { "--resource-id", Directory.USER_MI_RESOURCE } };
        for (String[] selector : selectors) {
            CliResult result = vm.run("login", "--identity", selector[0], selector[1]);
            assertThat(result.exitCode()).as(selector[0] + ": " + result).isZero();
            assertThat(JSON.readTree(result.stdout()).path("connectedAs").asText()).isEqualTo(Directory.USER_MI_CLIENT);
        }
        CliResult two = vm.run("login", "--identity", "--client-id", Directory.USER_MI_CLIENT, "--object-id",
                Directory.USER_MI_OBJECT);
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.stderr()).contains("at most one");
    }

    @Test
    void transientImdsFailuresAreRetried() throws Exception {
        emulator.failNextImdsRequests(503, 410);
        CliResult result = vm.run("login", "--identity", "--verbose");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.count(r -> r.path().equals("/metadata/identity/oauth2/token"))).isEqualTo(3);
        assertThat(result.stderr()).contains("retrying");
    }

    @Test
    void unknownIdentityIsReported() throws Exception {
        CliResult result = vm.run("login", "--identity", "--client-id", "99999999-0000-0000-0000-000000000000");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(11);
        assertThat(result.stderr()).contains("Identity not found").contains("user-assigned managed identity");
    }

    @Test
    void appServiceEndpointIsPreferred() throws Exception {
        CliResult result = vm.with("IDENTITY_ENDPOINT", emulator.url() + "/msi/token")
                .with("IDENTITY_HEADER", emulator.appServiceIdentityHeader())
                .run("login", "--identity", "--client-id", Directory.USER_MI_CLIENT, "--debug");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.count(r -> r.path().equals("/msi/token"))).isEqualTo(1);
        assertThat(emulator.count(r -> r.path().startsWith("/metadata"))).isZero();
        assertThat(result.stderr()).doesNotContain(emulator.appServiceIdentityHeader());
    }

    @Test
    void imdsIsNeverReachedThroughAProxy() throws Exception {
        try (TestProxy proxy = new TestProxy("u", "p")) {
            CliResult result = vm.with("HTTP_PROXY", "http://u:p@127.0.0.1:" + proxy.port()).run("login", "--identity");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(proxy.forwarded()).isEmpty();
        }
    }

    @Test
    void withoutAnIdentityEndpointItSaysSo() throws Exception {
        CliResult result = cli.with("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:9").run("login", "--identity");
        assertThat(result.exitCode()).isEqualTo(13);
        assertThat(result.stderr()).contains("managed identity endpoint");
    }
}
