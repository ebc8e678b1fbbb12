package dev.m365.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.m365.auth.ConnectionResolver;
import dev.m365.auth.TokenClaims;
import dev.m365.auth.TokenService;
import dev.m365.connection.AccessToken;
import dev.m365.connection.Connection;
import dev.m365.error.ExitCode;
import dev.m365.json.Json;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-access-token", mixinStandardHelpOptions = true,
        description = "Print an access token: from the cache when still valid, else renewed silently.")
public class GetAccessTokenCommand extends M365Subcommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Option(names = { "-r", "--resource" }, paramLabel = "<uri>", description = "Resource (audience); default Microsoft Graph.")
    String resource = "https://graph.microsoft.com";

    @Option(names = "--new", description = "Skip the cache and get a new token.")
    boolean fresh;

    private final ConnectionStore store;
    private final ConnectionResolver resolver;
    private final TokenService tokens;
    private final Json json;

    public GetAccessTokenCommand(Output output, ConnectionStore store, ConnectionResolver resolver,
            TokenService tokens, Json json) {
        super(output);
        this.store = store;
        this.resolver = resolver;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected int run() {
        Connection connection = resolver.forResource(store.read(), resource);
        AccessToken token = tokens.token(connection, resource, fresh);
        Instant expiry = Instant.ofEpochSecond(token.expiresAt());
        String tenant = TokenClaims.of(token.token(), json).tenantId().orElse(connection.tenantId());
        output.print(new TokenView(token.token(), LOCAL.format(expiry.atZone(ZoneId.systemDefault())),
                token.expiresAt(), DateTimeFormatter.ISO_INSTANT.format(expiry.atOffset(ZoneOffset.UTC)), tenant,
                "Bearer"));
        return ExitCode.OK.code();
    }

    /** The Azure CLI's shape, plus the expiry in ISO-8601 UTC. */
    @JsonPropertyOrder({ "accessToken", "expiresOn", "expires_on", "expiresOnUtc", "tenant", "tokenType" })
    record TokenView(String accessToken, String expiresOn,
            @com.fasterxml.jackson.annotation.JsonProperty("expires_on") long expiresOnPosix, String expiresOnUtc,
            String tenant, String tokenType) {
    }
}
