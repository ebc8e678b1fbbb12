package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.emulator.Directory;
import dev.m365.emulator.RecordedRequest;
import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.TestCertificates;

/** App-only sign-in with a certificate: PEM and PFX, PS256 with x5t#S256, RS256 with x5t, x5c for SN+I. */
class CertificateSignInIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = Directory.DAEMON_APP;
    private static final String TENANT = "contoso.onmicrosoft.com";

    private TestCertificates.Issued registered;

    @BeforeEach
    void registerCertificate() throws Exception {
        registered = TestCertificates.selfSigned("nightly-jobs");
        emulator.directory().updateApp(APP, app -> app.withCertificate(registered.certificate()));
    }

    private CliResult login(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("login", "--appId", APP, "--tenant", TENANT));
        args.addAll(List.of(options));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void pemWithKeyAndCertificateSignsPs256WithSha256Thumbprint() throws Exception {
        Path pem = registered.pem(configDir.resolveSibling(configDir.getFileName() + "-cert.pem"), false);
        CliResult result = login("--authType", "certificate", "--certificateFile", pem.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode header = lastAssertionHeader();
        assertThat(header.path("alg").asText()).isEqualTo("PS256");
        assertThat(header.has("x5t#S256")).isTrue();
        assertThat(header.has("x5c")).isFalse();
        JsonNode claims = lastAssertionClaims();
        assertThat(claims.path("iss").asText()).isEqualTo(APP);
        assertThat(claims.path("sub").asText()).isEqualTo(APP);
        assertThat(claims.path("aud").asText()).isEqualTo(emulator.url() + "/" + TENANT + "/oauth2/v2.0/token");
        assertThat(claims.path("exp").asLong() - claims.path("nbf").asLong()).isBetween(300L, 600L);
        assertThat(JSON.readTree(result.stdout()).path("identityType").asText()).isEqualTo("app");
    }

    @Test
    void rs256WithSha1ThumbprintForOlderSetups() throws Exception {
        Path pem = registered.pem(tempFile(".pem"), true);
        CliResult result = login("--certificateFile", pem.toString(), "--assertionAlgorithm", "RS256");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode header = lastAssertionHeader();
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.has("x5t")).isTrue();
    }

    @Test
    void pfxWithPasswordAndEncryptedPem() throws Exception {
        Path pfx = registered.pfx(tempFile(".pfx"), "pfx-pass-123");
        CliResult withPfx = login("--authType", "certificate", "--certificateFile", pfx.toString(), "--password",
                "pfx-pass-123", "--debug");
        assertThat(withPfx.exitCode()).as(withPfx.toString()).isZero();
        assertThat(withPfx.stdout() + withPfx.stderr()).doesNotContain("pfx-pass-123");
        assertThat(withPfx.stderr()).contains("client_assertion=***").doesNotContain("client_assertion=eyJ");
        CliResult wrong = login("--certificateFile", pfx.toString(), "--password", "nope-nope");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("--password");
        Path encrypted = registered.encryptedPem(tempFile(".pem"), "pem-pass-456");
        assertThat(login("--certificateFile", encrypted.toString(), "--password", "pem-pass-456").exitCode()).isZero();
        CliResult missing = login("--certificateFile", encrypted.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("encrypted");
    }

    @Test
    void base64EncodedCertificateAndAzureSdkEnvironment() throws Exception {
        Path pfx = registered.pfx(tempFile(".pfx"), "pfx-pass-123");
        String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(pfx));
        assertThat(cli.runWithInput(base64, "login", "--appId", APP, "--tenant", TENANT, "--certificateBase64Encoded",
                "-", "--password", "pfx-pass-123").exitCode()).isZero();
        CliResult env = cli.with("AZURE_CLIENT_ID", APP).with("AZURE_TENANT_ID", TENANT)
                .with("AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString())
                .with("AZURE_CLIENT_CERTIFICATE_PASSWORD", "pfx-pass-123").run("login", "--authType", "certificate");
        assertThat(env.exitCode()).as(env.toString()).isZero();
    }

    @Test
    void azureCliServicePrincipalWithCertificate() throws Exception {
        Path pem = registered.pem(tempFile(".pem"), false);
        CliResult result = cli.run("login", "--service-principal", "-u", APP, "--certificate", pem.toString(),
                "--tenant", TENANT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aGivenThumbprintMustMatch() throws Exception {
        Path pem = registered.pem(tempFile(".pem"), false);
        assertThat(login("--certificateFile", pem.toString(), "--thumbprint", registered.sha1Hex()).exitCode()).isZero();
        CliResult wrong = login("--certificateFile", pem.toString(), "--thumbprint",
                "0000000000000000000000000000000000000000");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("does not match").contains(registered.sha1Hex());
    }

    @Test
    void anUnregisteredCertificateIsRejectedByEntra() throws Exception {
        Path pem = TestCertificates.selfSigned("stranger").pem(tempFile(".pem"), false);
        CliResult result = login("--certificateFile", pem.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(12);
        assertThat(result.stderr()).contains("AADSTS700027");
    }

    @Test
    void subjectNameAndIssuerAuthenticationSendsTheChain() throws Exception {
        TestCertificates.Issued ca = TestCertificates.selfSigned("Contoso Issuing CA");
        TestCertificates.Issued rolled = TestCertificates.issuedBy("nightly.contoso.com", ca);
        String subjectIssuer = rolled.certificate().getSubjectX500Principal().getName() + "|"
                + rolled.certificate().getIssuerX500Principal().getName();
        emulator.directory().updateApp(APP, app -> app.withTrustedSubjectIssuer(subjectIssuer));
        Path pem = rolled.pem(tempFile(".pem"), false);

        assertThat(login("--certificateFile", pem.toString()).exitCode()).as("without x5c Entra cannot find the key")
                .isEqualTo(12);
        CliResult result = login("--certificateFile", pem.toString(), "--use-cert-sn-issuer");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(lastAssertionHeader().has("x5c")).isTrue();
    }

    @Test
    void everyRenewalSignsAFreshAssertion() throws Exception {
        Path pem = registered.pem(tempFile(".pem"), false);
        assertThat(login("--certificateFile", pem.toString()).exitCode()).isZero();
        for (String resource : new String[] { "https://management.azure.com/", "https://graph.windows.net" }) {
            CliResult token = cli.run("get-access-token", "--resource", resource);
            assertThat(token.exitCode()).as("a replayed jti would be refused: " + token).isZero();
        }
        assertThat(emulator.requests().stream().filter(r -> r.grantType().equals("client_credentials"))
                .map(r -> r.form().get("client_assertion")).distinct().count()).isEqualTo(3);
    }

    private Path tempFile(String suffix) throws Exception {
        return Files.createTempFile(configDir.getParent(), "cert", suffix);
    }

    private JsonNode lastAssertionHeader() throws Exception {
        return part(0);
    }

    private JsonNode lastAssertionClaims() throws Exception {
        return part(1);
    }

    private JsonNode part(int index) throws Exception {
        List<RecordedRequest> grants = emulator.requests().stream()
                .filter(r -> r.grantType().equals("client_credentials")).toList();
        String assertion = grants.get(grants.size() - 1).form().get("client_assertion");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(assertion.split("\\.")[index]),
                StandardCharsets.UTF_8));
    }
}
