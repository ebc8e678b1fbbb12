package dev.m365.cli;

import java.util.Optional;

import dev.m365.auth.LoginInput;
import dev.m365.connection.AuthType;
import dev.m365.error.UsageException;
import picocli.CommandLine.Option;

/**
 * The options of every login command, spelled as the CLI for Microsoft 365 and the Azure CLI spell them. A secret
 * option given {@code -} reads standard input, so secrets stay out of argv and shell history.
 */
public class LoginOptions {

    @Option(names = { "-t", "--authType" }, paramLabel = "<type>",
            description = "deviceCode (default), browser, password, secret, certificate, federatedIdentity, identity.")
    String authType;

    @Option(names = "--use-device-code", description = "Azure CLI spelling of --authType deviceCode.")
    boolean useDeviceCode;

    @Option(names = "--appId", paramLabel = "<id>",
            description = "App (client) id. Env: CLIMICROSOFT365_ENTRAAPPID, CLIMICROSOFT365_AADAPPID; app-only: AZURE_CLIENT_ID.")
    String appId;

    @Option(names = "--tenant", paramLabel = "<tenant>",
            description = "common (default), organizations, consumers, a tenant GUID or a domain. Env: CLIMICROSOFT365_TENANT; app-only: AZURE_TENANT_ID.")
    String tenant;

    @Option(names = "--cloud", paramLabel = "<cloud>", description = "Public (default), USGov, USGovHigh, USGovDoD, China.")
    String cloud;

    @Option(names = { "-u", "--userName", "--username", "--user" }, paramLabel = "<name>",
            description = "User to sign in as (password; implies it when no --authType); the app id with --service-principal; a user-assigned managed identity's client id with --authType identity.")
    String userName;

    @Option(names = { "-p", "--password" }, paramLabel = "<password|->",
            description = "Password (password), the secret (with --service-principal) or the certificate's password. '-' reads stdin; omitted on a terminal: prompted.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password (or secret) from standard input.")
    boolean passwordStdin;

    @Option(names = { "-s", "--secret" }, paramLabel = "<secret|->",
            description = "Client secret (secret). '-' reads stdin. Env: AZURE_CLIENT_SECRET.")
    String secret;

    @Option(names = { "-c", "--certificateFile", "--certificate" }, paramLabel = "<file>",
            description = "PEM (key and certificate) or PFX file (certificate). Env: AZURE_CLIENT_CERTIFICATE_PATH.")
    String certificateFile;

    @Option(names = "--certificateBase64Encoded", paramLabel = "<base64|->",
            description = "The PFX or PEM file, base64-encoded ('-' reads stdin).")
    String certificateBase64;

    @Option(names = "--thumbprint", paramLabel = "<hex>",
            description = "Expected SHA-1 (or SHA-256) thumbprint of the certificate; a mismatch is an error.")
    String thumbprint;

    @Option(names = "--assertionAlgorithm", paramLabel = "<alg>",
            description = "PS256 with x5t#S256 (default) or RS256 with SHA-1 x5t.")
    String assertionAlgorithm;

    @Option(names = "--use-cert-sn-issuer", description = "Send the certificate chain (x5c) for subject name/issuer authentication.")
    boolean useCertSnIssuer;

    @Option(names = "--service-principal", description = "Azure CLI: sign in as an app (-u <app id> with -p <secret>, --certificate or --federated-token).")
    boolean servicePrincipal;

    @Option(names = { "--federatedToken", "--federated-token" }, paramLabel = "<jwt|->",
            description = "A federated token to use once ('-' reads stdin). Without it: AZURE_FEDERATED_TOKEN_FILE, GitHub Actions or Azure Pipelines.")
    String federatedToken;

    @Option(names = "--serviceConnectionId", paramLabel = "<id>",
            description = "Azure Pipelines service connection (default AZURESUBSCRIPTION_SERVICE_CONNECTION_ID).")
    String serviceConnectionId;

    @Option(names = "--identity", description = "Azure CLI spelling of --authType identity (managed identity).")
    boolean identity;

    @Option(names = "--client-id", paramLabel = "<id>", description = "User-assigned managed identity by client id.")
    String clientId;

    @Option(names = "--object-id", paramLabel = "<id>", description = "User-assigned managed identity by object id.")
    String objectId;

    @Option(names = "--resource-id", paramLabel = "<id>", description = "User-assigned managed identity by resource id.")
    String resourceId;

    @Option(names = "--ensure", description = "Do nothing when a connection signed in the same way can still get tokens silently.")
    boolean ensure;

    @Option(names = { "-q", "--quiet" }, description = "Never prompt: fail when a secret is missing (the xplat CLI's -q).")
    boolean quiet;

    LoginInput input(Optional<String> connectionName) {
        Optional<String> type = Optional.ofNullable(authType);
        if (useDeviceCode) {
            if (type.isPresent() && AuthType.parse(type.get()) != AuthType.deviceCode) {
                throw new UsageException("--use-device-code conflicts with --authType " + authType + ": give one of them.");
            }
            type = Optional.of(AuthType.deviceCode.name());
        }
        return new LoginInput(type, Optional.ofNullable(appId), Optional.ofNullable(tenant),
                Optional.ofNullable(cloud), connectionName, Optional.ofNullable(userName), Optional.ofNullable(password),
                passwordStdin, Optional.ofNullable(secret), Optional.ofNullable(certificateFile),
                Optional.ofNullable(certificateBase64), Optional.ofNullable(thumbprint),
                Optional.ofNullable(assertionAlgorithm), useCertSnIssuer, servicePrincipal,
                Optional.ofNullable(federatedToken), Optional.ofNullable(serviceConnectionId), identity,
                Optional.ofNullable(clientId), Optional.ofNullable(objectId), Optional.ofNullable(resourceId), ensure,
                quiet);
    }
}
