package dev.m365.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.connection.Credential;
import dev.m365.error.LoginExpiredException;
import dev.m365.error.SignInFailedException;
import dev.m365.error.UsageException;
import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.json.Json;
import dev.m365.log.Redactor;
import dev.m365.system.WorkloadEnvironment;

/**
 * Fetches a workload's federated token from its source, every time one is needed: Kubernetes rotates the projected
 * token file and a GitHub Actions token lives five minutes, so a stored token would break later steps.
 */
@Singleton
public class FederatedTokens {

    public static final String AUDIENCE = "api://AzureADTokenExchange";
    public static final String FILE = "file";
    public static final String GITHUB = "githubActions";
    public static final String PIPELINES = "azurePipelines";
    public static final String GIVEN = "given";

    private final HttpGateway http;
    private final WorkloadEnvironment env;
    private final Json json;
    private final Redactor redactor;

    public FederatedTokens(HttpGateway http, WorkloadEnvironment env, Json json, Redactor redactor) {
        this.http = http;
        this.env = env;
        this.json = json;
        this.redactor = redactor;
    }

    /** The source the environment offers, strongest first: a token file, GitHub Actions, Azure Pipelines. */
    public Credential.FederatedSource detect(String audience, java.util.Optional<String> serviceConnectionId) {
        if (env.federatedTokenFile().isPresent()) {
            return new Credential.FederatedSource(FILE, env.federatedTokenFile().get(), audience, null);
        }
        if (env.githubTokenUrl().isPresent()) {
            return new Credential.FederatedSource(GITHUB, null, audience, null);
        }
        if (env.pipelinesOidcUri().isPresent()) {
            String connection = serviceConnectionId.or(env::pipelinesServiceConnectionId).orElseThrow(() ->
                    new UsageException("Azure Pipelines needs the service connection: give --serviceConnectionId or "
                            + "set AZURESUBSCRIPTION_SERVICE_CONNECTION_ID."));
            return new Credential.FederatedSource(PIPELINES, null, audience, connection);
        }
        throw new UsageException("No federated token found: give --federatedToken, or run where one is provided "
                + "(AZURE_FEDERATED_TOKEN_FILE from Kubernetes workload identity, GitHub Actions with "
                + "`permissions: id-token: write`, or Azure Pipelines with SYSTEM_OIDCREQUESTURI).");
    }

    public String fetch(Credential.FederatedSource source) {
        String token;
        switch (source.source()) {
            case FILE -> token = readFile(source.file());
            case GITHUB -> token = github(source.audience());
            case PIPELINES -> token = pipelines(source.serviceConnectionId());
            default -> throw new LoginExpiredException("The federated token was given on the command line and cannot "
                    + "be fetched again: sign in again with a fresh --federatedToken, or use a token file or CI source.");
        }
        redactor.register(token);
        return token;
    }

    private String readFile(String file) {
        try {
            String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new LoginExpiredException("The federated token file " + file + " is empty.");
            }
            return token;
        } catch (IOException e) {
            throw new LoginExpiredException("Cannot read the federated token file " + file + " (AZURE_FEDERATED_TOKEN_FILE): "
                    + e.getMessage() + ".");
        }
    }

    private String github(String audience) {
        String url = env.githubTokenUrl().orElseThrow(() -> new LoginExpiredException("GitHub Actions' OIDC "
                + "variables are not set in this step: give the job `permissions: id-token: write`."));
        String requestToken = env.githubRequestToken().orElseThrow(() -> new LoginExpiredException(
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set: give the job `permissions: id-token: write`."));
        redactor.register(requestToken);
        String full = url + (url.contains("?") ? "&" : "?") + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
        HttpReply reply = http.send(HttpCall.get(URI.create(full)).header("Authorization", "bearer " + requestToken)
                .header("Accept", "application/json"));
        return value(reply, "value", "GitHub Actions' OIDC endpoint");
    }

    private String pipelines(String serviceConnectionId) {
        String uri = env.pipelinesOidcUri().orElseThrow(() -> new LoginExpiredException(
                "SYSTEM_OIDCREQUESTURI is not set in this step: run inside an Azure Pipelines job."));
        String accessToken = env.pipelinesAccessToken().orElseThrow(() -> new LoginExpiredException(
                "SYSTEM_ACCESSTOKEN is not set: map it into the step's environment (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken))."));
        redactor.register(accessToken);
        String full = uri + (uri.contains("?") ? "&" : "?") + "api-version=7.1&serviceConnectionId="
                + URLEncoder.encode(serviceConnectionId, StandardCharsets.UTF_8);
        HttpCall call = new HttpCall("POST", URI.create(full), java.util.Map.of("Authorization", "Bearer " + accessToken,
                "Content-Type", "application/json", "Accept", "application/json"), new byte[0], null, false);
        return value(http.send(call), "oidcToken", "Azure Pipelines' OIDC endpoint");
    }

    private String value(HttpReply reply, String field, String what) {
        if (!reply.ok()) {
            throw new SignInFailedException(what + " answered HTTP " + reply.status() + "; check the job's OIDC permissions.");
        }
        JsonNode body = json.tree(reply.text());
        String token = body.path(field).asText("");
        if (token.isEmpty()) {
            throw new SignInFailedException(what + " answered without a token.");
        }
        return token;
    }
}
