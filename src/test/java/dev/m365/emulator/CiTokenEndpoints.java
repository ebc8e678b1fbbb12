package dev.m365.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

/** GitHub Actions' and Azure Pipelines' OIDC token endpoints, as a job's step calls them. */
final class CiTokenEndpoints {

    static final String GITHUB_SUBJECT = "repo:contoso/nightly:ref:refs/heads/main";
    static final String PIPELINES_SUBJECT_PREFIX = "sc://contoso-org/jobs/";

    private final EntraEmulator emulator;
    private final String githubRequestToken = "ghs_" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final String pipelinesAccessToken = "ado_" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final AtomicInteger githubTokensIssued = new AtomicInteger();
    private volatile long githubTokenLifetime = 300;

    CiTokenEndpoints(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    String githubRequestToken() {
        return githubRequestToken;
    }

    String pipelinesAccessToken() {
        return pipelinesAccessToken;
    }

    int githubTokensIssued() {
        return githubTokensIssued.get();
    }

    void githubTokenLifetime(long seconds) {
        githubTokenLifetime = seconds;
    }

    void github(HttpExchange exchange, Map<String, String> query) throws java.io.IOException {
        if (!("bearer " + githubRequestToken).equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Exchanges.json(exchange, 401, Map.of("message", "Bad credentials"));
            return;
        }
        String audience = query.getOrDefault("audience", "https://github.com/contoso");
        githubTokensIssued.incrementAndGet();
        Exchanges.json(exchange, 200, Map.of("count", 1, "value", emulator.workloadIssuers().mint(
                WorkloadIssuers.GITHUB, GITHUB_SUBJECT, audience, emulator.now(), githubTokenLifetime)));
    }

    void pipelines(HttpExchange exchange, Map<String, String> query) throws java.io.IOException {
        if (!("Bearer " + pipelinesAccessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Exchanges.json(exchange, 401, Map.of("message", "Access denied"));
            return;
        }
        String connection = query.get("serviceConnectionId");
        if (connection == null || !"7.1".equals(query.get("api-version"))) {
            Exchanges.json(exchange, 400, Map.of("message", "serviceConnectionId and api-version=7.1 are required"));
            return;
        }
        Exchanges.json(exchange, 200, Map.of("oidcToken", emulator.workloadIssuers().mint(WorkloadIssuers.PIPELINES,
                PIPELINES_SUBJECT_PREFIX + connection, "api://AzureADTokenExchange", emulator.now(), 600)));
    }
}
