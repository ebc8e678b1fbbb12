package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;

/** --authType password (seed 000), -u/-p (Azure CLI), the xplat CLI's prompt, stdin, and Entra's refusals. */
class PasswordSignInIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice@contoso.onmicrosoft.com";
    private static final String PASSWORD = "alice-password-1";

    @Test
    void seedSpellingSignsInAndTenantCommonBecomesOrganizations() throws Exception {
        CliResult result = cli.run("login", "--authType", "password", "--userName", ALICE, "--password", PASSWORD);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(result.stdout()).path("authType").asText()).isEqualTo("password");
        assertThat(emulator.requests()).anyMatch(r -> r.path().equals("/organizations/oauth2/v2.0/token")
                && r.grantType().equals("password"));
        assertThat(result.stdout() + result.stderr()).doesNotContain(PASSWORD);
    }

    @Test
    void serviceLoginsTakeTheSameOptions() throws Exception {
        CliResult result = cli.run("spo", "login", "https://contoso.sharepoint.com", "--authType", "password",
                "--userName", ALICE, "--password", PASSWORD);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(cli.run("spo", "status").stdout()).path("authType").asText()).isEqualTo("password");
    }

    @Test
    void azureCliSpellingImpliesThePasswordMethod() throws Exception {
        CliResult result = cli.run("login", "-u", ALICE, "-p", PASSWORD, "--tenant", "contoso.onmicrosoft.com");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests()).anyMatch(r -> r.path().equals("/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    }

    @Test
    void passwordsComeFromStandardInputToStayOutOfArgv() throws Exception {
        assertThat(cli.runWithInput(PASSWORD + "\n", "login", "-u", ALICE, "--password", "-").exitCode()).isZero();
        assertThat(cli.runWithInput(PASSWORD, "login", "-u", ALICE, "--password-stdin", "--debug").stderr())
                .doesNotContain(PASSWORD);
    }

    @Test
    void onATerminalThePasswordIsPromptedWithoutEcho() throws Exception {
        CliResult result = cli.runInTerminal(PASSWORD, "login", "-u", ALICE, "-o", "text");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Password for " + ALICE).contains("connectedAs   : " + ALICE)
                .doesNotContain(PASSWORD);
    }

    @Test
    void withoutATerminalAMissingPasswordIsBadInput() throws Exception {
        CliResult result = cli.run("login", "-u", ALICE);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--password -");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void wrongPasswordUnknownUserMfaConditionalAccessAndConsentHaveTheirCodes() throws Exception {
        assertFailure(cli.run("login", "-u", ALICE, "-p", "not-the-password"), 8, "AADSTS50126");
        assertFailure(cli.run("login", "-u", "nobody@contoso.onmicrosoft.com", "-p", "whatever-123"), 8, "AADSTS50034");
        CliResult mfa = cli.run("login", "-u", "carol@contoso.onmicrosoft.com", "-p", "carol-password-3");
        assertFailure(mfa, 9, "AADSTS50076");
        assertThat(mfa.stderr()).contains("--authType deviceCode").contains("--authType browser");
        CliResult blocked = cli.run("login", "-u", "erin@contoso.onmicrosoft.com", "-p", "erin-password-5");
        assertFailure(blocked, 9, "AADSTS53003");
        assertThat(blocked.stderr()).contains("--authType deviceCode");
        CliResult consent = cli.run("login", "-u", ALICE, "-p", PASSWORD, "--appId", Directory.UNCONSENTED_APP);
        assertFailure(consent, 10, "AADSTS65001");
        assertThat(consent.stderr()).contains("m365 --reconsent");
        assertThat(cli.run("status").exitCode()).as("failed logins store nothing").isEqualTo(3);
    }

    @Test
    void personalAccountsAreRefusedBeforeAnyRequest() throws Exception {
        CliResult result = cli.run("login", "-u", ALICE, "-p", PASSWORD, "--tenant", "consumers");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void whenTheRefreshTokenExpiresTheStoredPasswordSignsInAgainSilently() throws Exception {
        assertThat(cli.run("login", "-u", ALICE, "-p", PASSWORD).exitCode()).isZero();
        emulator.expireRefreshTokens(ALICE);
        CliResult token = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("password"))).isEqualTo(2);
    }

    @Test
    void optionsOfOtherMethodsAreRejected() throws Exception {
        CliResult result = cli.run("login", "--authType", "deviceCode", "--secret", "abc-def-ghi");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--secret does not apply to --authType deviceCode");
    }

    private static void assertFailure(CliResult result, int exitCode, String aadsts) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stderr()).contains(aadsts);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stdout()).isEmpty();
    }
}
