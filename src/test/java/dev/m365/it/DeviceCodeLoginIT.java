package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.RecordedRequest;
import dev.m365.testing.CliResult;
import dev.m365.testing.DeviceLoginPage;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;
import dev.m365.testing.RunningCli;

/** Device-code sign-in, per service logins, status and logout, through bin/m365 against the emulator. */
class DeviceCodeLoginIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aliceLogsInBobServesSharePointThenBothLogOut() throws Exception {
        CliResult login = loginAs("alice", "login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(json(login).path("connectedAs").asText()).isEqualTo("alice@contoso.onmicrosoft.com");

        CliResult status = cli.run("status");
        assertThat(status.exitCode()).isZero();
        JsonNode main = json(status);
        assertThat(main.path("connectedAs").asText()).isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(main.path("authType").asText()).isEqualTo("deviceCode");
        assertThat(main.path("appId").asText()).isEqualTo("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        assertThat(main.path("appTenant").asText()).isEqualTo("common");
        assertThat(main.path("cloudType").asText()).isEqualTo("Public");

        CliResult spoLogin = loginAs("bob", "spo", "login", "https://contoso.sharepoint.com");
        assertThat(spoLogin.exitCode()).as(spoLogin.toString()).isZero();

        JsonNode spo = json(cli.run("spo", "status"));
        assertThat(spo.path("connectedAs").asText()).isEqualTo("bob@contoso.onmicrosoft.com");
        assertThat(spo.path("servedBy").asText()).isEqualTo("own login");
        assertThat(spo.path("url").asText()).isEqualTo("https://contoso.sharepoint.com");
        JsonNode graph = json(cli.run("graph", "status"));
        assertThat(graph.path("connectedAs").asText()).isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(graph.path("servedBy").asText()).isEqualTo("connection alice@contoso.onmicrosoft.com");
        assertThat(json(cli.run("status")).path("services").path("spo").path("connectedAs").asText())
                .isEqualTo("bob@contoso.onmicrosoft.com");

        assertThat(cli.run("logout").exitCode()).isZero();
        assertThat(json(cli.run("spo", "status")).path("connectedAs").asText()).isEqualTo("bob@contoso.onmicrosoft.com");
        assertThat(cli.run("spo", "logout").exitCode()).isZero();

        CliResult text = cli.run("status", "--output", "text");
        assertThat(text.exitCode()).isEqualTo(3);
        assertThat(text.stdout().strip()).isEqualTo("Logged out");
        CliResult loggedOut = cli.run("status");
        assertThat(loggedOut.exitCode()).isEqualTo(3);
        assertThat(json(loggedOut).path("loggedIn").asBoolean(true)).isFalse();
        assertThat(cli.run("spo", "status").exitCode()).isEqualTo(3);
    }

    @Test
    void instructionsGoToStderrAndStdoutStaysJson() throws Exception {
        CliResult login = loginAs("alice", "login", "--use-device-code");
        assertThat(login.stderr()).contains(emulator.url() + "/devicelogin").contains("enter the code");
        assertThat(login.stdout()).doesNotContain("devicelogin");
        assertThat(json(login).path("loggedIn").asBoolean()).isTrue();
    }

    @Test
    void withoutAServerMessageTheSentenceIsBuiltFromUriAndCode() throws Exception {
        emulator.sendDeviceCodeMessage(false);
        try (RunningCli login = cli.start("login", "--authType", "deviceCode")) {
            String sentence = login.awaitStderr(Pattern.compile("(To sign in.*authenticate\\.)"), Duration.ofSeconds(30));
            assertThat(sentence).contains(emulator.url() + "/devicelogin");
            java.util.regex.Matcher code = DeviceLoginPage.CODE.matcher(sentence);
            assertThat(code.find()).isTrue();
            page.approve(code.group(1), "alice");
            assertThat(login.await(PackagedCli.TIMEOUT).exitCode()).isZero();
        }
    }

    @Test
    void declinedSignInStopsWithItsExitCodeAndStoresNothing() throws Exception {
        try (RunningCli login = cli.start("login")) {
            page.decline(login.awaitStderr(DeviceLoginPage.CODE, Duration.ofSeconds(30)));
            CliResult result = login.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("declined").contains("AADSTS70020");
            assertThat(result.stdout()).isEmpty();
        }
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
    }

    @Test
    void expiredDeviceCodeStopsWithItsExitCode() throws Exception {
        emulator.deviceCodeLifetime(Duration.ofSeconds(2));
        CliResult result = cli.run("login");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("expired");
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
    }

    @Test
    void unknownDeviceCodeStopsWithItsExitCode() throws Exception {
        try (RunningCli login = cli.start("login")) {
            login.awaitStderr(DeviceLoginPage.CODE, Duration.ofSeconds(30));
            emulator.forgetDeviceCodes();
            CliResult result = login.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
            assertThat(result.stderr()).contains("did not recognise the device code").contains("AADSTS70018");
        }
    }

    @Test
    void slowDownAddsFiveSecondsToThePollingInterval() throws Exception {
        emulator.slowDownNextPoll();
        try (RunningCli login = cli.start("login")) {
            String code = login.awaitStderr(DeviceLoginPage.CODE, Duration.ofSeconds(30));
            List<RecordedRequest> polls = awaitPolls(2);
            page.approve(code, "alice");
            assertThat(login.await(PackagedCli.TIMEOUT).exitCode()).isZero();
            long gap = polls.get(1).atMillis() - polls.get(0).atMillis();
            assertThat(gap).as("interval 1 s + 5 s after slow_down").isGreaterThanOrEqualTo(5_900);
        }
    }

    @Test
    void ctrlCStopsCleanlyAndStoresNothing() throws Exception {
        try (RunningCli login = cli.withDefaultSigint().start("login")) {
            login.awaitStderr(DeviceLoginPage.CODE, Duration.ofSeconds(30));
            login.signal("INT");
            CliResult result = login.await(Duration.ofSeconds(10));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
            assertThat(result.stderr()).contains("nothing was stored");
        }
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
        assertThat(configDir.resolve("store.enc")).doesNotExist();
    }

    @Test
    void unknownAppIsReportedWithItsCodeAndFix() throws Exception {
        CliResult result = cli.run("login", "--appId", "11111111-2222-3333-4444-555555555555");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(11);
        assertThat(result.stderr()).contains("AADSTS700016").contains("--appId");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void unknownTenantIsReportedWithItsCodeAndFix() throws Exception {
        CliResult result = cli.run("login", "--tenant", "nosuch.onmicrosoft.com");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(11);
        assertThat(result.stderr()).contains("AADSTS90002").contains("--tenant");
    }

    @Test
    void unreachableAuthorityIsANetworkError() throws Exception {
        CliResult result = cli.with("AZURE_AUTHORITY_HOST", "http://127.0.0.1:9").run("login");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(13);
        assertThat(result.stderr()).contains("Cannot reach 127.0.0.1:9").contains("refused");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    private List<RecordedRequest> awaitPolls(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<RecordedRequest> polls = emulator.requests().stream()
                    .filter(r -> r.grantType().endsWith("device_code")).toList();
            if (polls.size() >= count) {
                return polls;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + count + " polls");
    }

    private static JsonNode json(CliResult result) throws Exception {
        return JSON.readTree(result.stdout());
    }
}
