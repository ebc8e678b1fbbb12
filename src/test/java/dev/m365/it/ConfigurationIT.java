package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.TestProxy;

/** Configuration precedence (option > environment > config file > default), bad values, and proxies. */
class ConfigurationIT extends EmulatorTest {

    @Test
    void optionBeatsEnvironmentWhichBeatsTheConfigFile() throws Exception {
        Files.writeString(configDir.resolve("config.properties"), "m365.tenant=fabrikam.onmicrosoft.com\n");
        assertThat(loginAs("dave", "login").exitCode()).isZero();
        assertThat(lastDeviceCodeTenant()).isEqualTo("fabrikam.onmicrosoft.com");

        cli = cli.with("CLIMICROSOFT365_TENANT", "contoso.onmicrosoft.com");
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        assertThat(lastDeviceCodeTenant()).isEqualTo("contoso.onmicrosoft.com");

        assertThat(loginAs("alice", "login", "--tenant", Directory.CONTOSO_ID).exitCode()).isZero();
        assertThat(lastDeviceCodeTenant()).isEqualTo(Directory.CONTOSO_ID);
    }

    @Test
    void theSeedsAppIdVariableIsHonoured() throws Exception {
        CliResult result = cli.with("CLIMICROSOFT365_AADAPPID", "99999999-9999-4999-8999-999999999999").run("login");
        assertThat(result.exitCode()).isEqualTo(11);
        assertThat(emulator.requests().get(0).form().get("client_id")).isEqualTo("99999999-9999-4999-8999-999999999999");
        dev.m365.testing.PackagedCli newer = cli.with("CLIMICROSOFT365_AADAPPID", "99999999-9999-4999-8999-999999999999")
                .with("CLIMICROSOFT365_ENTRAAPPID", Directory.AZURE_CLI_APP);
        assertThat(loginAs(newer, "alice", "login").exitCode()).as("ENTRAAPPID wins over AADAPPID").isZero();
    }

    @Test
    void garbageValuesGetOneLineNamingTheirSourceAndExitCode2() throws Exception {
        Files.writeString(configDir.resolve("config.properties"), "m365.cloud=Mars\n");
        CliResult fromFile = cli.run("login");
        assertThat(fromFile.exitCode()).isEqualTo(2);
        assertThat(fromFile.stderr()).contains("m365.cloud in config file").contains("'Mars'").contains("Public|USGov");
        assertThat(fromFile.stderr().lines()).hasSize(1);
        Files.delete(configDir.resolve("config.properties"));

        assertBad(cli.with("CLIMICROSOFT365_TENANT", "not a tenant"), "environment variable CLIMICROSOFT365_TENANT");
        assertBad(cli.with("M365_APP_ID", "not-a-guid"), "environment variable M365_APP_ID");
        assertBad(cli.with("M365_HTTP_TIMEOUT", "soon"), "environment variable M365_HTTP_TIMEOUT");
        assertBad(cli.with("HTTPS_PROXY", "ftp://proxy"), "environment variable HTTPS_PROXY");
        assertBad(cli.with("M365_STORE_KEY", "too-short"), "environment variable M365_STORE_KEY");
        assertBad(cli.with("AZURE_AUTHORITY_HOST", "http://login.example.com"), "plain http is allowed only for loopback");
        assertThat(emulator.requests()).as("bad input never reaches the network").isEmpty();
    }

    @Test
    void everyCallGoesThroughTheAuthenticatedProxyIncludingTokenCalls() throws Exception {
        try (TestProxy proxy = new TestProxy("proxyuser", "proxy pass:word")) {
            cli = cli.with("HTTP_PROXY", "http://proxyuser:proxy%20pass%3Aword@127.0.0.1:" + proxy.port());
            CliResult login = loginAs("alice", "login", "--debug");
            assertThat(login.exitCode()).as(login.toString()).isZero();
            assertThat(proxy.forwarded()).anyMatch(r -> r.startsWith("POST " + emulator.url() + "/common/oauth2/v2.0/devicecode"))
                    .anyMatch(r -> r.startsWith("POST " + emulator.url() + "/common/oauth2/v2.0/token"));
            assertThat(login.stderr()).doesNotContain("proxy pass").doesNotContain("proxy%20pass");

            int before = proxy.forwarded().size();
            assertThat(cli.run("get-access-token", "-r", "https://management.azure.com/").exitCode()).isZero();
            assertThat(proxy.forwarded().size()).as("the refresh went through the proxy").isEqualTo(before + 1);

            int direct = proxy.forwarded().size();
            assertThat(cli.with("NO_PROXY", "localhost,127.0.0.1").run("get-access-token", "-r", "https://graph.windows.net")
                    .exitCode()).isZero();
            assertThat(proxy.forwarded()).as("NO_PROXY hosts are reached directly").hasSize(direct);
        }
    }

    @Test
    void aProxyDemandingOtherCredentialsIsANetworkError() throws Exception {
        try (TestProxy proxy = new TestProxy("proxyuser", "secret")) {
            CliResult result = cli.with("HTTP_PROXY", "http://proxyuser:wrong@127.0.0.1:" + proxy.port()).run("login");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(13);
            assertThat(result.stderr()).doesNotContain("wrong");
        }
    }

    private void assertBad(dev.m365.testing.PackagedCli with, String origin) throws Exception {
        CliResult result = with.run("login");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).containsIgnoringCase(origin);
        assertThat(result.stderr().lines()).hasSize(1);
    }

    private String lastDeviceCodeTenant() {
        var requests = emulator.requests().stream().filter(r -> r.path().endsWith("/devicecode")).toList();
        return requests.get(requests.size() - 1).path().split("/")[1];
    }
}
