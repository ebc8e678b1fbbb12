package dev.m365.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.auth.AccessTokenLookup;
import dev.m365.auth.TokenClaims;
import dev.m365.connection.AzureAccount;
import dev.m365.error.ExitCode;
import dev.m365.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-access-token", mixinStandardHelpOptions = true,
        description = "Print an access token: from the cache when valid for 5 more minutes (no network), else renewed silently. "
                + "Also `m365 account get-access-token` (Azure CLI) and `m365 util accesstoken get` (CLI for Microsoft 365).")
public class GetAccessTokenCommand extends M365Subcommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Option(names = { "-r", "--resource" }, paramLabel = "<uri|name>",
            description = "Resource (audience): a URI, or graph, sharepoint, arm, aad, o365mgmt, yammer. Default: Azure Resource Manager.")
    String resource;

    @Option(names = "--resource-type", paramLabel = "<type>",
            description = "Azure CLI resource type: aad-graph, arm, batch, data-lake, media, ms-graph, oss-rdbms.")
    String resourceType;

    @Option(names = "--scope", paramLabel = "<scope>",
            description = "A v2 scope instead of a resource, e.g. https://graph.microsoft.com/.default.")
    String scope;

    @Option(names = { "-t", "--tenant" }, paramLabel = "<tenant>", description = "Get the token in another tenant of the user or app.")
    String tenant;

    @Option(names = { "-s", "--subscription" }, paramLabel = "<name|id>",
            description = "Get the token for this Azure subscription's tenant, and report it.")
    String subscription;

    @Option(names = "--new", description = "Skip the cache and get a new token.")
    boolean fresh;

    @Option(names = "--decoded", description = "Print the token's header and claims instead of the token.")
    boolean decoded;

    private final AccessTokenLookup lookup;
    private final Json json;

    public GetAccessTokenCommand(Output output, AccessTokenLookup lookup, Json json) {
        super(output);
        this.lookup = lookup;
        this.json = json;
    }

    @Override
    protected int run() {
        AccessTokenLookup.Found found = lookup.find(new AccessTokenLookup.Ask(Optional.ofNullable(resource),
                Optional.ofNullable(resourceType), Optional.ofNullable(scope), Optional.ofNullable(tenant),
                Optional.ofNullable(subscription), fresh));
        String token = found.token().token();
        if (decoded) {
            String[] parts = token.split("\\.");
            output.print(new DecodedView(part(parts, 0), part(parts, 1)));
            return ExitCode.OK.code();
        }
        Instant expiry = Instant.ofEpochSecond(found.token().expiresAt());
        String tokenTenant = TokenClaims.of(token, json).tenantId().orElse(found.connection().tenantId());
        output.print(new TokenView(token, LOCAL.format(expiry.atZone(ZoneId.systemDefault())),
                found.token().expiresAt(), DateTimeFormatter.ISO_INSTANT.format(expiry.atOffset(ZoneOffset.UTC)),
                found.subscription().map(AzureAccount.Subscription::id).orElse(null), tokenTenant, "Bearer"));
        return ExitCode.OK.code();
    }

    private JsonNode part(String[] parts, int index) {
        if (parts.length < 2) {
            return json.tree("{}");
        }
        return json.tree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    /** The Azure CLI's shape, plus the expiry in ISO-8601 UTC. */
    @JsonPropertyOrder({ "accessToken", "expiresOn", "expires_on", "expiresOnUtc", "subscription", "tenant", "tokenType" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenView(String accessToken, String expiresOn, @JsonProperty("expires_on") long expiresOnPosix,
            String expiresOnUtc, String subscription, String tenant, String tokenType) {
    }

    record DecodedView(JsonNode header, JsonNode payload) {
    }
}
