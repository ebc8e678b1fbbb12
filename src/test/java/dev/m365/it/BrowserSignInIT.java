package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;
import dev.m365.testing.RunningCli;

/**
 * --authType browser: authorization code + PKCE (S256) + state on a loopback listener. Once with a real headless
 * Chromium signing in on the emulator's page; otherwise an HTTP client plays the browser.
 */
class BrowserSignInIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SIGNIN_SCRIPT = Path.of("src/test/browser/signin.mjs").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path argvFile;
    private PackagedCli withRecordingBrowser;

    /** A stand-in browser that records the arguments it was started with, as `ps` would show them. */
    @BeforeEach
    void recordingBrowser() throws Exception {
        Path dir = Files.createTempDirectory(configDir.getParent(), "browser");
        argvFile = dir.resolve("argv");
        Path script = dir.resolve("browser.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argvFile + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        withRecordingBrowser = cli.with("BROWSER", script.toString());
    }

    @Test
    void realHeadlessChromiumSignsInOnTheEmulatorPage() throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(Path.of("src/test/browser/node_modules/playwright-core"));
        if (System.getenv("M365_REQUIRE_BROWSER_TEST") == null) {
            Assumptions.assumeTrue(available, "Debian chromium and playwright-core (npm ci in src/test/browser) needed");
        }
        Path log = Files.createTempFile(configDir.getParent(), "chromium", ".log");
        CliResult result = cli.with("BROWSER", "node " + SIGNIN_SCRIPT)
                .with("M365_TEST_BROWSER_USER", "alice@contoso.onmicrosoft.com")
                .with("M365_TEST_BROWSER_PASSWORD", "alice-password-1")
                .with("M365_TEST_BROWSER_LOG", log.toString())
                .run("login", "--authType", "browser");
        assertThat(result.exitCode()).as(result + "\nbrowser: " + Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("You are signed in to m365");
        assertThat(JSON.readTree(cli.run("status").stdout()).path("authType").asText()).isEqualTo("browser");
    }

    @Test
    void pkceAndStateAreSentAndTheBrowserSeesNoSecret() throws Exception {
        try (RunningCli login = withRecordingBrowser.start("login", "--authType", "browser")) {
            URI authorize = awaitBrowserUrl();
            Map<String, String> params = query(authorize);
            assertThat(params).containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                    .containsKey("state").containsEntry("response_type", "code");
            assertThat(params.get("redirect_uri")).matches("http://localhost:\\d+/");
            String landing = signIn(authorize, "alice@contoso.onmicrosoft.com", "alice-password-1");
            assertThat(landing).contains("You are signed in");
            CliResult result = login.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        String verifier = emulator.requests().stream().filter(r -> r.grantType().equals("authorization_code"))
                .findFirst().orElseThrow().form().get("code_verifier");
        assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Files.readAllLines(argvFile)).as("the browser's argv holds only the URL").hasSize(1)
                .noneMatch(a -> a.contains(verifier));
        assertThat(JSON.readTree(cli.run("status").stdout()).path("connectedAs").asText())
                .isEqualTo("alice@contoso.onmicrosoft.com");
    }

    @Test
    void aForgedStateIsRejected() throws Exception {
        try (RunningCli login = withRecordingBrowser.start("login", "--authType", "browser")) {
            URI authorize = awaitBrowserUrl();
            HttpResponse<String> page = get(URI.create(query(authorize).get("redirect_uri").replace("localhost",
                    "127.0.0.1") + "?code=stolen&state=forged"));
            assertThat(page.statusCode()).isEqualTo(400);
            CliResult result = login.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
            assertThat(result.stderr()).contains("state mismatch");
        }
        assertThat(cli.run("status").exitCode()).isEqualTo(3);
    }

    @Test
    void cancellingInTheBrowserIsADeclinedSignIn() throws Exception {
        try (RunningCli login = withRecordingBrowser.start("login", "--authType", "browser")) {
            URI authorize = awaitBrowserUrl();
            HttpResponse<String> redirect = post(authorize, "action=cancel&" + authorize.getRawQuery());
            get(URI.create(redirect.headers().firstValue("Location").orElseThrow().replace("localhost", "127.0.0.1")));
            CliResult result = login.await(PackagedCli.TIMEOUT);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        }
    }

    @Test
    void pagesEscapeEverythingTheyShow() throws Exception {
        try (RunningCli login = withRecordingBrowser.start("login", "--authType", "browser")) {
            URI authorize = awaitBrowserUrl();
            String state = query(authorize).get("state");
            String evil = "<script>alert('x')</script>";
            HttpResponse<String> page = get(URI.create(query(authorize).get("redirect_uri").replace("localhost",
                    "127.0.0.1") + "?error=server_error&error_description=" + enc(evil) + "&state=" + enc(state)));
            assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
            assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(login.await(PackagedCli.TIMEOUT).exitCode()).isEqualTo(7);
        }
    }

    @Test
    void withoutABrowserTheUrlIsPrintedAndM365KeepsWaiting() throws Exception {
        try (RunningCli login = cli.with("BROWSER", "/bin/false").start("login", "--authType", "browser")) {
            String url = login.awaitStderr(Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/common/oauth2/v2\\.0/authorize\\S+)"),
                    Duration.ofSeconds(30));
            assertThat(login.awaitStderr(Pattern.compile("(No browser could be opened)"), Duration.ofSeconds(1))).isNotEmpty();
            signIn(URI.create(url), "bob@contoso.onmicrosoft.com", "bob-password-2");
            assertThat(login.await(PackagedCli.TIMEOUT).exitCode()).isZero();
        }
    }

    @Test
    void anUnfinishedSignInTimesOut() throws Exception {
        CliResult result = withRecordingBrowser.with("M365_BROWSER_TIMEOUT", "2s").run("login", "--authType", "browser");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("not completed within");
    }

    private URI awaitBrowserUrl() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(argvFile) && !Files.readString(argvFile).isBlank()) {
                return URI.create(Files.readAllLines(argvFile).get(0));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("m365 never started the browser");
    }

    /** Submits the emulator's sign-in form and follows the redirect to m365's loopback listener. */
    private String signIn(URI authorize, String user, String password) throws Exception {
        HttpResponse<String> form = get(authorize);
        assertThat(form.body()).contains("id=\"signin\"");
        HttpResponse<String> redirect = post(authorize, "login=" + enc(user) + "&passwd=" + enc(password)
                + "&action=signin");
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(URI.create(location.replace("//localhost:", "//127.0.0.1:"))).body();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("([^&=]+)=([^&]*)").matcher(uri.getRawQuery());
        while (m.find()) {
            map.put(m.group(1), java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
