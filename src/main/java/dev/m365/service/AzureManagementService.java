package dev.m365.service;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/** Azure Resource Manager (azmgmt). */
@Singleton
public class AzureManagementService extends FixedResourceService {

    public AzureManagementService() {
        super("azmgmt", "Azure Resource Manager", Map.of(
                Cloud.Public, "https://management.azure.com/",
                Cloud.USGov, "https://management.usgovcloudapi.net/",
                Cloud.USGovHigh, "https://management.usgovcloudapi.net/",
                Cloud.USGovDoD, "https://management.usgovcloudapi.net/",
                Cloud.China, "https://management.chinacloudapi.cn/"));
    }
}
