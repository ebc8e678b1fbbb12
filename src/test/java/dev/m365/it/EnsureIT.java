package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.m365.emulator.Directory;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;

/** --ensure: a connection that can still get tokens silently (refresh included) is kept; otherwise sign in. */
class EnsureIT extends EmulatorTest {

    @Test
    void aWorkingConnectionIsKeptWithoutAnyPrompt() throws Exception {
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        emulator.clearRequests();
        CliResult again = cli.run("login", "--ensure");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).contains("Already signed in as alice@contoso.onmicrosoft.com");
        assertThat(emulator.requests()).as("the cached token proves the connection works").isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilentlyFirst() throws Exception {
        emulator.accessTokenLifetime(java.time.Duration.ofSeconds(60));
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        emulator.clearRequests();
        assertThat(cli.run("login", "--ensure").exitCode()).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).isEqualTo(1);
        assertThat(emulator.count(r -> r.path().endsWith("/devicecode"))).isZero();
    }

    @Test
    void aConnectionThatCanNoLongerRenewIsReplacedByASignIn() throws Exception {
        emulator.accessTokenLifetime(java.time.Duration.ofSeconds(60));
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        emulator.revokeRefreshTokens("alice@contoso.onmicrosoft.com");
        CliResult result = loginAs("bob", "login", "--ensure");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("bob@contoso.onmicrosoft.com");
    }

    @Test
    void aDifferentAppOrIdentitySignsIn() throws Exception {
        String[] secretLogin = { "login", "--authType", "secret", "--appId", Directory.DAEMON_APP, "--secret",
                Directory.DAEMON_SECRET, "--tenant", "contoso.onmicrosoft.com", "--ensure" };
        assertThat(cli.run(secretLogin).exitCode()).isZero();
        assertThat(cli.run(secretLogin).stderr()).contains("Already signed in");
        CliResult user = cli.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1", "--ensure");
        assertThat(user.stderr()).doesNotContain("Already signed in");
        assertThat(user.stdout()).contains("alice@contoso.onmicrosoft.com");
    }
}
