package dev.m365.service;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/** Azure AD Graph (aad). */
@Singleton
public class AzureAdGraphService extends FixedResourceService {

    public AzureAdGraphService() {
        super("aad", "Azure AD Graph", Map.of(
                Cloud.Public, "https://graph.windows.net",
                Cloud.USGov, "https://graph.windows.net",
                Cloud.USGovHigh, "https://graph.microsoftazure.us",
                Cloud.USGovDoD, "https://graph.microsoftazure.us",
                Cloud.China, "https://graph.chinacloudapi.cn"));
    }
}
