package dev.m365.service;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/** Microsoft Graph (graph). */
@Singleton
public class GraphService extends FixedResourceService {

    public GraphService() {
        super("graph", "Microsoft Graph", Map.of(
                Cloud.Public, "https://graph.microsoft.com",
                Cloud.USGov, "https://graph.microsoft.com",
                Cloud.USGovHigh, "https://graph.microsoft.us",
                Cloud.USGovDoD, "https://dod-graph.microsoft.us",
                Cloud.China, "https://microsoftgraph.chinacloudapi.cn"));
    }
}
