package dev.m365.service;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;

/** Office 365 Management APIs (o365mgmt). */
@Singleton
public class OfficeManagementService extends FixedResourceService {

    public OfficeManagementService() {
        super("o365mgmt", "Office 365 Management APIs", Map.of(
                Cloud.Public, "https://manage.office.com",
                Cloud.USGov, "https://manage-gcc.office.com",
                Cloud.USGovHigh, "https://manage.office365.us",
                Cloud.USGovDoD, "https://manage.protection.apps.mil"));
    }
}
