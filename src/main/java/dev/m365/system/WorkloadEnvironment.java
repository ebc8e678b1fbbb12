package dev.m365.system;

import java.util.Map;
import java.util.Optional;

/**
 * The variables that CI systems, Kubernetes and Azure hosts inject for workloads, read in one place: at sign-in and
 * again at each silent renewal (a GitHub Actions request token or a rotated projected token file is only good now).
 */
public class WorkloadEnvironment {

    private final Map<String, String> env;

    public WorkloadEnvironment(Map<String, String> env) {
        this.env = env;
    }

    public Optional<String> get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> clientId() {
        return get("AZURE_CLIENT_ID");
    }

    public Optional<String> tenantId() {
        return get("AZURE_TENANT_ID");
    }

    public Optional<String> clientSecret() {
        return get("AZURE_CLIENT_SECRET");
    }

    public Optional<String> certificatePath() {
        return get("AZURE_CLIENT_CERTIFICATE_PATH");
    }

    public Optional<String> certificatePassword() {
        return get("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    }

    /** Kubernetes workload identity's projected service-account token. */
    public Optional<String> federatedTokenFile() {
        return get("AZURE_FEDERATED_TOKEN_FILE");
    }

    public Optional<String> githubTokenUrl() {
        return get("ACTIONS_ID_TOKEN_REQUEST_URL");
    }

    public Optional<String> githubRequestToken() {
        return get("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    }

    public Optional<String> pipelinesOidcUri() {
        return get("SYSTEM_OIDCREQUESTURI");
    }

    public Optional<String> pipelinesAccessToken() {
        return get("SYSTEM_ACCESSTOKEN");
    }

    public Optional<String> pipelinesServiceConnectionId() {
        return get("AZURESUBSCRIPTION_SERVICE_CONNECTION_ID");
    }

    /** App Service, Functions, Container Apps. */
    public Optional<String> identityEndpoint() {
        return get("IDENTITY_ENDPOINT");
    }

    public Optional<String> identityHeader() {
        return get("IDENTITY_HEADER");
    }

    /** Overrides the IMDS host as the Azure SDKs do (tests point it at a local server). */
    public Optional<String> imdsHost() {
        return get("AZURE_POD_IDENTITY_AUTHORITY_HOST");
    }
}
