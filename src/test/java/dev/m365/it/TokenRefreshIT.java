package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;

/** One device-code login serves every resource through its refresh token, without asking the user again. */
class TokenRefreshIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void signIn() throws Exception {
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        emulator.clearRequests();
    }

    @Test
    void aSecondServicesTokenComesFromTheRefreshTokenWithoutAPrompt() throws Exception {
        CliResult arm = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(arm.exitCode()).as(arm.toString()).isZero();
        assertThat(arm.stderr()).isEmpty();
        assertThat(emulator.count(r -> r.path().endsWith("/devicecode"))).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).isEqualTo(1);
        String token = JSON.readTree(arm.stdout()).path("accessToken").asText();
        assertThat(claims(token)).contains("\"aud\":\"https://management.azure.com/\"")
                .contains("alice@contoso.onmicrosoft.com");

        CliResult again = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(JSON.readTree(again.stdout()).path("accessToken").asText()).isEqualTo(token);
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).as("served from the cache").isEqualTo(1);
    }

    @Test
    void sharePointAdminAndOtherHostsOfTheTenantNeedNoNewSignIn() throws Exception {
        for (String host : new String[] { "https://contoso-admin.sharepoint.com", "https://contoso-my.sharepoint.com" }) {
            CliResult result = cli.run("get-access-token", "--resource", host);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(claims(JSON.readTree(result.stdout()).path("accessToken").asText()))
                    .contains("\"aud\":\"" + host + "\"");
        }
        assertThat(emulator.count(r -> r.path().endsWith("/devicecode"))).isZero();
    }

    @Test
    void rotatedRefreshTokensReplaceTheOldOnes() throws Exception {
        emulator.strictRefreshTokenRotation(true);
        for (String resource : new String[] { "https://management.azure.com/", "https://graph.windows.net",
                "https://manage.office.com" }) {
            CliResult result = cli.run("get-access-token", "--resource", resource);
            assertThat(result.exitCode()).as("each refresh uses the token the previous one returned: " + result)
                    .isZero();
        }
    }

    @Test
    void anExpiredRefreshTokenAsksForANewLoginWithItsExitCode() throws Exception {
        emulator.expireRefreshTokens("alice@contoso.onmicrosoft.com");
        CliResult result = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("AADSTS700082").contains("m365 login");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void aRevokedRefreshTokenAsksForANewLoginWithItsExitCode() throws Exception {
        emulator.revokeRefreshTokens("alice@contoso.onmicrosoft.com");
        CliResult result = cli.run("get-access-token", "--resource", "https://management.azure.com/");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("AADSTS50173");
    }

    @Test
    void aTokenCloseToExpiryIsRenewedSilently() throws Exception {
        emulator.accessTokenLifetime(Duration.ofSeconds(120));
        for (int i = 0; i < 2; i++) {
            CliResult result = cli.run("get-access-token", "--resource", "https://management.azure.com/");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token")))
                .as("a token with under five minutes left is not served from the cache").isEqualTo(2);
    }

    static String claims(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
