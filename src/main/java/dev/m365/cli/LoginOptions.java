package dev.m365.cli;

import java.util.Optional;

import dev.m365.auth.LoginInput;
import dev.m365.auth.SignInOptions;
import dev.m365.connection.AuthType;
import dev.m365.error.UsageException;
import picocli.CommandLine.Option;

/** The options of every login command, spelled as the CLI for Microsoft 365 and the Azure CLI spell them. */
public class LoginOptions {

    @Option(names = { "-t", "--authType" }, paramLabel = "<type>",
            description = "Sign-in method: deviceCode (default), browser, password, secret, certificate, federatedIdentity, identity.")
    String authType;

    @Option(names = "--use-device-code", description = "Azure CLI spelling of --authType deviceCode.")
    boolean useDeviceCode;

    @Option(names = "--appId", paramLabel = "<id>",
            description = "App (client) id. Env: CLIMICROSOFT365_ENTRAAPPID, CLIMICROSOFT365_AADAPPID. Default: the Azure CLI's public client.")
    String appId;

    @Option(names = "--tenant", paramLabel = "<tenant>",
            description = "common (default), organizations, consumers, a tenant GUID or a domain. Env: CLIMICROSOFT365_TENANT.")
    String tenant;

    @Option(names = "--cloud", paramLabel = "<cloud>", description = "Public (default), USGov, USGovHigh, USGovDoD, China.")
    String cloud;

    LoginInput input(Optional<String> connectionName) {
        Optional<String> type = Optional.ofNullable(authType);
        if (useDeviceCode) {
            if (type.isPresent() && AuthType.parse(type.get()) != AuthType.deviceCode) {
                throw new UsageException("--use-device-code conflicts with --authType " + authType + ": give one of them.");
            }
            type = Optional.of(AuthType.deviceCode.name());
        }
        return new LoginInput(type, Optional.ofNullable(appId), Optional.ofNullable(tenant),
                Optional.ofNullable(cloud), connectionName, SignInOptions.none());
    }
}
