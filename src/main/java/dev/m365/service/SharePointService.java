package dev.m365.service;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;
import dev.m365.error.UsageException;

/**
 * SharePoint Online (spo). Its resource is the SharePoint host a login names; one delegated login serves the tenant's
 * other hosts ({@code -admin}, {@code -my}, other sites) through its refresh token, without signing in again.
 */
@Singleton
public class SharePointService implements M365Service {

    private static final Map<Cloud, String> DOMAINS = Map.of(
            Cloud.Public, "sharepoint.com",
            Cloud.USGov, "sharepoint.com",
            Cloud.USGovHigh, "sharepoint.us",
            Cloud.USGovDoD, "sharepoint-mil.us",
            Cloud.China, "sharepoint.cn");

    @Override
    public String name() {
        return "spo";
    }

    @Override
    public String title() {
        return "SharePoint Online";
    }

    @Override
    public Optional<LoginArgument> loginArgument() {
        return Optional.of(new LoginArgument("<url>",
                "URL of the tenant admin site or any site, e.g. https://contoso.sharepoint.com"));
    }

    @Override
    public String resource(Cloud cloud, Optional<String> argument) {
        String url = argument.orElseThrow(() -> new UsageException(
                "`spo login` needs the site URL, e.g. m365 spo login https://contoso.sharepoint.com"));
        return "https://" + host(url, cloud);
    }

    @Override
    public boolean serves(String resource, Cloud cloud) {
        String host = URI.create(resource.strip()).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith("." + DOMAINS.get(cloud));
    }

    /** The SharePoint host of {@code url}, checked to belong to {@code cloud}. */
    public String host(String url, Cloud cloud) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + url + "' is not a URL: give a SharePoint URL such as https://contoso.sharepoint.com.");
        }
        String domain = DOMAINS.get(cloud);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !host.endsWith("." + domain)
                || host.length() == domain.length() + 1) {
            throw new UsageException("'" + url + "' is not a SharePoint Online URL in the " + cloud
                    + " cloud: give one such as https://contoso." + domain + ".");
        }
        return host;
    }
}
