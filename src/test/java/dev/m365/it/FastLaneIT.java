package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;

/**
 * bin/m365 answers help, version and cached reads in the fast lane (no Quarkus), and hands everything else to Quarkus.
 * Both must answer byte for byte alike, and a cached answer must not load an HTTP client, Vert.x or Quarkus.
 */
class FastLaneIT extends EmulatorTest {

    private static final List<List<String>> SAME_ANSWERS = List.of(
            List.of("status"),
            List.of("status", "--output", "text"),
            List.of("graph", "status"),
            List.of("spo", "status"),
            List.of("connection", "list", "--output", "table"),
            List.of("get-access-token", "--resource", "https://graph.microsoft.com"),
            List.of("get-access-token", "--decoded", "--query", "payload.aud"),
            List.of("util", "accesstoken", "get", "--resource", "graph", "--output", "tsv", "--query", "tokenType"),
            List.of("get-access-token", "--resource", "graph", "--scope", "User.Read"),
            List.of("get-access-token", "--bogus"),
            List.of("status", "--query", "[oops"),
            List.of("status", "--output", "yaml"),
            List.of("--version"),
            List.of("--help"),
            List.of("get-access-token", "--help"),
            List.of("login", "--help"));

    @Test
    void theFastLaneAnswersExactlyAsQuarkusDoes() throws Exception {
        PackagedCli quarkus = cli.with("M365_FAST_LANE", "off");
        assertSame(quarkus, List.of("status"));
        assertThat(cli.run("status").exitCode()).as("logged out").isEqualTo(3);
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        for (List<String> command : SAME_ANSWERS) {
            assertSame(quarkus, command);
        }
        assertSame(quarkus.with("M365_STORE_KEY", "too-short"), cli.with("M365_STORE_KEY", "too-short"), List.of("status"));
        assertSame(quarkus.with("M365_OUTPUT", "csv"), cli.with("M365_OUTPUT", "csv"), List.of("status"));
    }

    @Test
    void aCachedTokenLoadsNoHttpClientVertxOrQuarkus() throws Exception {
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        assertThat(cli.run("get-access-token", "--resource", "https://graph.microsoft.com").exitCode()).isZero();
        long requests = emulator.requests().size();

        Path classes = configDir.resolveSibling(configDir.getFileName() + "-classes.log");
        CliResult cached = cli.with("M365_JAVA_OPTS", "-Xlog:class+load:file=" + classes)
                .run("get-access-token", "--resource", "https://graph.microsoft.com");
        assertThat(cached.exitCode()).as(cached.toString()).isZero();
        assertThat(emulator.requests()).as("no network").hasSize((int) requests);
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("dev.m365.launch.FastLane ")
                .doesNotContain("io.vertx.", "io.quarkus.runtime.", "io.quarkus.arc.", "org.jboss.resteasy.",
                        "io.quarkus.oidc.client.runtime.", "java.net.http.", "sun.net.www.protocol.http.HttpURLConnection");
        Files.delete(classes);
    }

    @Test
    void aTokenThatNeedsTheNetworkIsHandedToQuarkusAndStored() throws Exception {
        assertThat(loginAs("alice", "login").exitCode()).isZero();
        long before = emulator.requests().size();
        CliResult renewed = cli.run("get-access-token", "--resource", "https://graph.microsoft.com", "--new",
                "--query", "tokenType", "--output", "tsv");
        assertThat(renewed.exitCode()).as(renewed.toString()).isZero();
        assertThat(renewed.stdout().strip()).isEqualTo("Bearer");
        assertThat(renewed.stderr()).isEmpty();
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).isEqualTo(1);
        assertThat(emulator.requests()).as("one round trip: the token request, no discovery").hasSize((int) before + 1);

        CliResult outlook = cli.run("get-access-token", "--resource", "https://outlook.office.com");
        assertThat(outlook.exitCode()).as(outlook.toString()).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).isEqualTo(2);
        long requests = emulator.requests().size();
        assertThat(cli.run("get-access-token", "--resource", "https://outlook.office.com").exitCode()).isZero();
        assertThat(emulator.requests()).as("now cached: answered without the network").hasSize((int) requests);
    }

    private void assertSame(PackagedCli quarkus, List<String> command) throws Exception {
        assertSame(quarkus, cli, command);
    }

    private static void assertSame(PackagedCli quarkus, PackagedCli fast, List<String> command) throws Exception {
        String[] args = command.toArray(String[]::new);
        CliResult expected = quarkus.run(args);
        CliResult actual = fast.run(args);
        assertThat(actual).as(String.join(" ", command)).isEqualTo(expected);
    }
}
