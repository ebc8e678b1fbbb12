package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;

/** Named connections: list, use, rename, remove, pick one per command, and the ways to log out. */
class NamedConnectionsIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void twoConnections() throws Exception {
        assertThat(cli.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1",
                "--connectionName", "contoso").exitCode()).isZero();
        assertThat(cli.run("login", "--authType", "secret", "--appId", Directory.DAEMON_APP, "--secret",
                Directory.DAEMON_SECRET, "--tenant", "contoso.onmicrosoft.com", "--connectionName", "jobs").exitCode())
                .isZero();
    }

    @Test
    void listUseRenameRemove() throws Exception {
        JsonNode list = JSON.readTree(cli.run("connection", "list").stdout());
        assertThat(list).hasSize(2);
        assertThat(list.get(1).path("connectionName").asText()).isEqualTo("jobs");
        assertThat(list.get(1).path("active").asBoolean()).as("the last login is in use").isTrue();

        assertThat(cli.run("connection", "use", "--name", "contoso").exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("status").stdout()).path("connectionName").asText()).isEqualTo("contoso");

        assertThat(cli.run("connection", "set", "--name", "contoso", "--newName", "alice").exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("status").stdout()).path("connectionName").asText()).isEqualTo("alice");
        assertThat(cli.run("connection", "set", "alice", "--newName", "jobs").exitCode()).as("names are unique").isEqualTo(2);

        assertThat(cli.run("connection", "remove", "jobs", "--force").exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("connection", "list").stdout())).hasSize(1);
        assertThat(cli.run("connection", "use", "jobs").exitCode()).isEqualTo(3);
    }

    @Test
    void aConnectionForOneCommandOnly() throws Exception {
        assertThat(JSON.readTree(cli.run("status", "--connection", "contoso").stdout()).path("connectedAs").asText())
                .isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(JSON.readTree(cli.with("M365_CONNECTION", "contoso").run("status").stdout()).path("connectedAs")
                .asText()).isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(JSON.readTree(cli.run("status").stdout()).path("connectionName").asText())
                .as("the connection in use is unchanged").isEqualTo("jobs");
        CliResult token = cli.run("get-access-token", "-r", "graph", "--connection", "contoso", "--decoded");
        assertThat(JSON.readTree(token.stdout()).path("payload").path("upn").asText()).isEqualTo("alice@contoso.onmicrosoft.com");
        CliResult unknown = cli.run("get-access-token", "--connection", "nope");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.stderr()).contains("m365 connection list");
    }

    @Test
    void logoutByUserAndLogoutAll() throws Exception {
        assertThat(cli.run("logout", "-u", "alice@contoso.onmicrosoft.com").exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("connection", "list").stdout())).hasSize(1);
        assertThat(cli.run("logout", "--username", "alice@contoso.onmicrosoft.com").exitCode()).isEqualTo(3);
        assertThat(cli.run("spo", "login", "https://contoso.sharepoint.com", "-u", "bob@contoso.onmicrosoft.com", "-p",
                "bob-password-2").exitCode()).isZero();
        assertThat(cli.run("logout", "--all").exitCode()).isZero();
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
        assertThat(cli.run("spo", "status").exitCode()).isEqualTo(3);
        assertThat(cli.run("account", "clear").exitCode()).isZero();
    }

    @Test
    void doctorAndReconsentShowNoSecret() throws Exception {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        CliResult doctor = cli.with("HTTPS_PROXY", "http://user:hunter2-proxy@proxy.contoso.com:3128")
                .with("M365_STORE_KEY", key).run("cli", "doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        JsonNode report = JSON.readTree(doctor.stdout());
        assertThat(report.path("proxy").path("https").asText()).isEqualTo("http://user:***@proxy.contoso.com:3128");
        assertThat(report.path("store").path("keyProtection").asText()).contains("M365_STORE_KEY");
        assertThat(report.path("appId").path("origin").asText()).isEqualTo("default");
        assertThat(doctor.stdout()).doesNotContain("hunter2").doesNotContain(key).doesNotContain(Directory.DAEMON_SECRET);

        String url = emulator.url() + "/common/oauth2/authorize?client_id=" + Directory.AZURE_CLI_APP
                + "&response_type=code&prompt=admin_consent";
        assertThat(cli.run("--reconsent").stdout()).contains(url);
        assertThat(JSON.readTree(cli.run("cli", "reconsent").stdout()).path("url").asText()).isEqualTo(url);
    }
}
