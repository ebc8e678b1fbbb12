package dev.m365.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The emulator answers what a correct client never provokes the way Entra does, over real HTTP. */
class EntraEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private EntraEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = EntraEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void errorBodiesHaveEntrasShape() throws Exception {
        JsonNode error = token("common", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", Directory.AZURE_CLI_APP, "device_code", "nope"));
        assertThat(error.path("error").asText()).isEqualTo("bad_verification_code");
        assertThat(error.path("error_description").asText()).startsWith("AADSTS70018: ").contains("Trace ID: ")
                .contains("Correlation ID: ").contains("Timestamp: ");
        assertThat(error.path("error_codes").get(0).asInt()).isEqualTo(70018);
        assertThat(error.has("trace_id")).isTrue();
        assertThat(error.has("correlation_id")).isTrue();
        assertThat(error.has("timestamp")).isTrue();
    }

    @Test
    void passwordGrantOverCommonIsRefused() throws Exception {
        JsonNode error = token("common", Map.of("grant_type", "password", "client_id", Directory.AZURE_CLI_APP,
                "username", "alice@contoso.onmicrosoft.com", "password", "alice-password-1",
                "scope", "https://graph.microsoft.com/.default"));
        assertThat(error.path("error_codes").get(0).asInt()).isEqualTo(9001023);
    }

    @Test
    void pkceVerifierMismatchAndCodeReuseAreRefused() throws Exception {
        String verifier = "a-verifier-of-enough-length-0123456789-abcdefghijklmnop";
        String redirect = "http://localhost:12345/";
        String code = authorize(challenge(verifier), redirect);

        JsonNode wrong = redeem(code, redirect, "another-verifier-0123456789-abcdefghijklmnopqrstuvw");
        assertThat(wrong.path("error_codes").get(0).asInt()).isEqualTo(501481);

        String fresh = authorize(challenge(verifier), redirect);
        assertThat(redeem(fresh, redirect, verifier).has("access_token")).isTrue();
        assertThat(redeem(fresh, redirect, verifier).path("error_codes").get(0).asInt()).isEqualTo(54005);
    }

    @Test
    void aReplayedCertificateAssertionIsRefused() throws Exception {
        var cert = dev.m365.testing.TestCertificates.selfSigned("replay");
        emulator.directory().updateApp(Directory.DAEMON_APP, a -> a.withCertificate(cert.certificate()));
        long now = System.currentTimeMillis() / 1000;
        String assertion = io.smallrye.jwt.build.Jwt.issuer(Directory.DAEMON_APP).subject(Directory.DAEMON_APP)
                .audience(emulator.url() + "/contoso.onmicrosoft.com/oauth2/v2.0/token").claim("jti", "fixed-jti")
                .issuedAt(now).expiresAt(now + 300).jws().thumbprintS256(cert.certificate())
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.PS256).sign(cert.keys().getPrivate());
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", Directory.DAEMON_APP,
                "scope", "https://graph.microsoft.com/.default", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion);
        assertThat(token("contoso.onmicrosoft.com", form).has("access_token")).isTrue();
        assertThat(token("contoso.onmicrosoft.com", form).path("error_codes").get(0).asInt()).isEqualTo(50013);
    }

    @Test
    void imdsRequiresTheMetadataHeader() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
                + "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Required metadata header not specified");
    }

    private String authorize(String challenge, String redirect) throws Exception {
        String query = form(Map.of("client_id", Directory.AZURE_CLI_APP, "response_type", "code", "redirect_uri",
                redirect, "scope", "https://graph.microsoft.com/.default offline_access", "state", "s",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        URI uri = URI.create(emulator.url() + "/common/oauth2/v2.0/authorize?" + query);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "login=alice%40contoso.onmicrosoft.com&passwd=alice-password-1&action=signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElseThrow();
        return java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    }

    private JsonNode redeem(String code, String redirect, String verifier) throws Exception {
        return token("common", Map.of("grant_type", "authorization_code", "client_id", Directory.AZURE_CLI_APP,
                "code", code, "redirect_uri", redirect, "code_verifier", verifier,
                "scope", "https://graph.microsoft.com/.default offline_access"));
    }

    private JsonNode token(String tenant, Map<String, String> form) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/" + tenant
                + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
