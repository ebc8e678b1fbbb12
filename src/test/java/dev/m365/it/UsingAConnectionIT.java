package dev.m365.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.m365.testing.CliResult;
import dev.m365.testing.EmulatorTest;
import dev.m365.testing.PackagedCli;

/**
 * Tokens, authenticated requests, subscriptions and SharePoint, with Microsoft's real URLs reached through a
 * TLS-inspecting proxy (the emulator's) whose CA m365 trusts via M365_TLS_CA_FILE.
 */
class UsingAConnectionIT extends EmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FABRIKAM = "2f1e4c7a-3d5b-4e8f-9a1c-0b2d3e4f5a6b";
    private PackagedCli m365;

    @BeforeEach
    void signInBehindTheProxy() throws Exception {
        m365 = cli.throughInterceptingProxy(emulator);
        CliResult login = m365.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(emulator.proxyTunnels()).contains("login.microsoftonline.com:443");
        emulator.clearRequests();
    }

    @Test
    void aCachedTokenNeedsNoRequestAtAll() throws Exception {
        JsonNode first = json(m365.run("get-access-token", "--resource", "https://graph.microsoft.com"));
        assertThat(emulator.requests()).as("the login's own Graph token is cached").isEmpty();
        assertThat(first.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(first.path("expires_on").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(first.path("expiresOnUtc").asText()).endsWith("Z");
        assertThat(m365.run("get-access-token", "--resource", "https://graph.microsoft.com", "--new").exitCode()).isZero();
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).as("--new skips the cache").isEqualTo(1);
    }

    @Test
    void resourceNamesResourceTypesAndScopesWithTrailingSlashes() throws Exception {
        assertThat(claims(m365.run("get-access-token")).path("aud").asText()).as("the Azure CLI's default: ARM")
                .isEqualTo("https://management.azure.com/");
        assertThat(claims(m365.run("get-access-token", "-r", "graph")).path("aud").asText())
                .isEqualTo("https://graph.microsoft.com");
        assertThat(claims(m365.run("account", "get-access-token", "--resource-type", "aad-graph")).path("aud").asText())
                .isEqualTo("https://graph.windows.net");
        assertThat(claims(m365.run("util", "accesstoken", "get", "-r", "arm")).path("aud").asText())
                .isEqualTo("https://management.azure.com/");
        assertThat(claims(m365.run("get-access-token", "--scope", "https://management.core.windows.net//.default"))
                .path("aud").asText()).isEqualTo("https://management.core.windows.net/");
        assertThat(emulator.requests()).anyMatch(r -> "https://management.core.windows.net//.default offline_access openid profile"
                .equals(r.form().get("scope")));
        CliResult decoded = m365.run("get-access-token", "-r", "graph", "--decoded");
        assertThat(JSON.readTree(decoded.stdout()).path("payload").path("upn").asText())
                .isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(decoded.stdout()).doesNotContain("accessToken");
        CliResult both = m365.run("get-access-token", "-r", "graph", "--scope", "User.Read");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void anotherTenantOfTheUser() throws Exception {
        JsonNode token = json(m365.run("get-access-token", "-r", "graph", "--tenant", "fabrikam.onmicrosoft.com"));
        assertThat(token.path("tenant").asText()).isEqualTo(FABRIKAM);
    }

    @Test
    void sharePointRootIsFoundOnceAndUsedByShortcuts() throws Exception {
        assertThat(claims(m365.run("get-access-token", "-r", "sharepoint")).path("aud").asText())
                .isEqualTo("https://contoso.sharepoint.com");
        assertThat(emulator.count(r -> r.host().equals("graph.microsoft.com") && r.path().equals("/v1.0/sites/root")))
                .isEqualTo(1);
        CliResult web = m365.run("request", "--url", "@spo/_api/web", "--query", "Title");
        assertThat(web.stdout().strip()).isEqualTo("\"Contoso\"");
        CliResult admin = m365.run("request", "--url", "https://contoso-admin.sharepoint.com/_api/web", "-o", "text");
        assertThat(admin.exitCode()).as(admin.toString()).isZero();
        assertThat(admin.stdout()).contains("https://contoso-admin.sharepoint.com");
        assertThat(emulator.count(r -> r.path().equals("/v1.0/sites/root"))).as("found once, then kept").isEqualTo(1);
        assertThat(emulator.count(r -> r.path().endsWith("/devicecode") || r.grantType().equals("password")))
                .as("no new sign-in for other SharePoint hosts").isZero();
    }

    @Test
    void requestsToGraphWithShortcutsMethodsBodiesAndHeaders() throws Exception {
        assertThat(m365.run("request", "--url", "@graph/me", "--query", "userPrincipalName").stdout().strip())
                .isEqualTo("\"alice@contoso.onmicrosoft.com\"");
        assertThat(json(m365.run("request", "--url", "@graphbeta/me")).path("@odata.context").asText()).contains("/beta/");
        Path body = Files.createTempFile(configDir.getParent(), "body", ".json");
        Files.writeString(body, "{\"displayName\":\"Nightly\"}");
        JsonNode created = json(m365.run("request", "-m", "post", "--url", "@graph/groups", "--body", "@" + body,
                "--header", "ConsistencyLevel: eventual"));
        assertThat(created.path("displayName").asText()).isEqualTo("Nightly");
        assertThat(created.path("id").asText()).isNotEmpty();
        CliResult rest = m365.run("rest", "--method", "delete", "--uri", "https://graph.microsoft.com/v1.0/groups/1",
                "--headers", "x-ms-client-request-id=abc");
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        assertThat(rest.stdout()).isEmpty();
    }

    @Test
    void aTokenForTheWrongResourceGetsTheServices401() throws Exception {
        CliResult result = m365.run("request", "--url", "https://management.azure.com/subscriptions?api-version=2022-12-01",
                "--resource", "graph");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(15);
        assertThat(result.stderr()).contains("401").contains("InvalidAuthenticationTokenAudience");
        assertThat(result.stderr().lines()).hasSize(1);
        CliResult missing = m365.run("request", "--url", "@graph/nothing");
        assertThat(missing.exitCode()).isEqualTo(15);
        assertThat(missing.stderr()).contains("404").contains("Request_ResourceNotFound");
    }

    @Test
    void throttlingIsRetriedAsRetryAfterSaysWithinABound() throws Exception {
        emulator.throttle("graph.microsoft.com", 2, 1);
        long start = System.currentTimeMillis();
        CliResult retried = m365.run("request", "--url", "@graph/me", "--verbose");
        assertThat(retried.exitCode()).as(retried.toString()).isZero();
        assertThat(System.currentTimeMillis() - start).as("waited Retry-After twice").isGreaterThanOrEqualTo(2000);
        assertThat(emulator.count(r -> r.host().equals("graph.microsoft.com"))).isEqualTo(3);
        assertThat(retried.stderr()).contains("answered 429; retrying in 1000 ms");

        emulator.throttle("graph.microsoft.com", 10, 1);
        CliResult gaveUp = m365.run("request", "--url", "@graph/me");
        assertThat(gaveUp.exitCode()).isEqualTo(15);
        assertThat(gaveUp.stderr()).contains("429");
    }

    @Test
    void subscriptionsFollowNextLinkAreCachedAndChosen() throws Exception {
        JsonNode all = json(m365.run("account", "list", "--all"));
        assertThat(all).hasSize(4);
        assertThat(emulator.count(r -> r.path().equals("/subscriptions") && r.form().containsKey("$skiptoken")))
                .as("the second page came from nextLink").isEqualTo(1);
        assertThat(json(m365.run("account", "list"))).as("enabled ones").hasSize(3);
        emulator.clearRequests();
        assertThat(json(m365.run("account", "show")).path("name").asText()).isEqualTo("Contoso Production");
        assertThat(emulator.requests()).as("cached in the store").isEmpty();

        assertThat(m365.run("account", "set", "--subscription", "Contoso Development").exitCode()).isZero();
        JsonNode shown = json(m365.run("account", "show"));
        assertThat(shown.path("name").asText()).isEqualTo("Contoso Development");
        assertThat(shown.path("isDefault").asBoolean()).isTrue();
        assertThat(shown.path("user").path("name").asText()).isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(m365.run("account", "set", "Fabrikam Shared").exitCode()).as("the xplat CLI's spelling").isZero();

        JsonNode token = json(m365.run("get-access-token", "--subscription", "Contoso Production"));
        assertThat(token.path("subscription").asText()).isEqualTo("1ab2c3d4-0000-4000-8000-00000000c001");
        JsonNode guest = json(m365.run("get-access-token", "--subscription", "2bc3d4e5-0000-4000-8000-00000000f001"));
        assertThat(guest.path("tenant").asText()).as("a guest subscription's token comes from its tenant").isEqualTo(FABRIKAM);

        assertThat(m365.run("account", "set", "Nope").exitCode()).isEqualTo(2);
        JsonNode tenants = json(m365.run("account", "tenant", "list"));
        assertThat(tenants).hasSize(2);
        assertThat(tenants.get(0).path("tenantCategory").asText()).isEqualTo("Home");
    }

    @Test
    void queryAndEveryOutputFormatApplyToEveryCommand() throws Exception {
        assertThat(m365.run("status", "--query", "connectedAs", "-o", "tsv").stdout().strip())
                .isEqualTo("alice@contoso.onmicrosoft.com");
        assertThat(m365.run("account", "list", "--query", "[].name", "-o", "tsv").stdout().lines())
                .containsExactly("Contoso Production", "Contoso Development", "Fabrikam Shared");
        CliResult table = m365.run("account", "list", "-o", "table", "--query", "[].{Name:name,Default:isDefault}");
        assertThat(table.stdout().lines().toList().get(0)).contains("Name").contains("Default");
        assertThat(table.stdout().lines().toList().get(1)).matches("-+\\s+-+");
        CliResult csv = m365.run("connection", "list", "-o", "csv");
        assertThat(csv.stdout().lines().findFirst().orElse("")).startsWith("connectionName,connectedAs,authType");
        CliResult md = m365.run("connection", "list", "-o", "md", "--query", "[].{name:connectionName,active:active}");
        assertThat(md.stdout()).contains("| name | active |").contains("|---|---|");
        assertThat(m365.run("get-access-token", "-r", "graph", "-o", "none").stdout()).isEmpty();
        assertThat(m365.run("cli", "doctor", "--query", "store.backend", "-o", "tsv").stdout())
                .contains("encrypted file");
        assertThat(m365.run("request", "--url", "@graph/users", "--query", "length(value)").stdout().strip())
                .as("Contoso's four users").isEqualTo("4");
        CliResult bad = m365.run("status", "--query", "foo[");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("JMESPath");
        assertThat(m365.run("status", "-o", "yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void debugShowsRequestsWithEverySecretRedacted() throws Exception {
        String token = json(m365.run("get-access-token", "-r", "graph")).path("accessToken").asText();
        CliResult debug = m365.run("request", "--url", "@graph/me", "--debug", "-o", "none");
        assertThat(debug.exitCode()).isZero();
        assertThat(debug.stderr()).contains("→ GET https://graph.microsoft.com/v1.0/me").contains("← 200")
                .doesNotContain(token).doesNotContain(token.substring(20, 60));
        CliResult arm = m365.run("get-access-token", "-r", "arm", "--debug");
        String armToken = JSON.readTree(arm.stdout()).path("accessToken").asText();
        assertThat(arm.stderr()).contains("refresh_token=***").contains("access_token=***").doesNotContain(armToken);
    }

    @Test
    void errorsAreJsonWhenJsonIsAskedFor() throws Exception {
        CliResult result = m365.run("request", "--url", "@graph/nothing", "-o", "json");
        JsonNode error = JSON.readTree(result.stderr());
        assertThat(error.path("exitCode").asInt()).isEqualTo(15);
        assertThat(error.path("error").asText()).contains("404");
        assertThat(m365.run("request", "--url", "@graph/nothing").stderr()).startsWith("GET https://");
    }

    private static JsonNode json(CliResult result) throws Exception {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.stdout());
    }

    private static JsonNode claims(CliResult result) throws Exception {
        String token = json(result).path("accessToken").asText();
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
