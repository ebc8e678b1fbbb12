package dev.m365.auth;

import java.util.Optional;

/**
 * A login as the user asked for it, in the spellings of the CLI for Microsoft 365 and the Azure CLI; unset values
 * come from the environment and configuration. Secret values may be {@code -} (read standard input).
 */
public record LoginInput(
        Optional<String> authType,
        Optional<String> appId,
        Optional<String> tenant,
        Optional<String> cloud,
        Optional<String> connectionName,
        Optional<String> userName,
        Optional<String> password,
        boolean passwordStdin,
        Optional<String> secret,
        Optional<String> certificateFile,
        Optional<String> certificateBase64,
        Optional<String> thumbprint,
        Optional<String> assertionAlgorithm,
        boolean useCertSnIssuer,
        boolean servicePrincipal,
        Optional<String> federatedToken,
        Optional<String> serviceConnectionId,
        boolean identity,
        Optional<String> identityClientId,
        Optional<String> identityObjectId,
        Optional<String> identityResourceId,
        boolean ensure,
        boolean noPrompt) {

    @Override
    public String toString() {
        return "LoginInput[authType=" + authType.orElse("") + ", appId=" + appId.orElse("") + ", tenant="
                + tenant.orElse("") + ", userName=" + userName.orElse("") + "]";
    }
}
