package dev.m365.sharepoint;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.RequestFailedException;
import dev.m365.request.AuthenticatedHttp;
import dev.m365.service.GraphService;
import dev.m365.store.ConnectionStore;

/**
 * The tenant's SharePoint root URL ({@code https://contoso.sharepoint.com}): taken from a SharePoint login when there
 * is one, otherwise asked of Graph ({@code /v1.0/sites/root}) once and kept with the connection.
 */
@Singleton
public class SharePointTenant {

    private final AuthenticatedHttp http;
    private final ConnectionStore store;
    private final GraphService graph;

    public SharePointTenant(AuthenticatedHttp http, ConnectionStore store, GraphService graph) {
        this.http = http;
        this.store = store;
        this.graph = graph;
    }

    public String rootUrl(Connection connection, StoreData data) {
        if (connection.sharePointUrl() != null) {
            return connection.sharePointUrl();
        }
        Optional<String> fromLogin = Optional.ofNullable(connection.loginArgument())
                .or(() -> data.serviceLogin("spo").map(Connection::loginArgument));
        String root = fromLogin.map(SharePointTenant::rootOf).orElseGet(() -> discover(connection));
        store.update(d -> d.updateConnection(connection.id(), c -> c.withSharePointUrl(root)));
        return root;
    }

    private String discover(Connection connection) {
        String resource = graph.resource(connection.cloud(), Optional.empty());
        String webUrl = http.getJson(connection, resource, URI.create(resource + "/v1.0/sites/root?$select=webUrl"))
                .path("webUrl").asText("");
        if (webUrl.isEmpty()) {
            throw new RequestFailedException("Microsoft Graph did not return the tenant's SharePoint URL; give the "
                    + "full URL or sign in with `m365 spo login <url>`.");
        }
        return rootOf(webUrl);
    }

    /** {@code https://contoso-admin.sharepoint.com/sites/x} → {@code https://contoso.sharepoint.com}. */
    public static String rootOf(String url) {
        String host = URI.create(url.strip()).getHost().toLowerCase(Locale.ROOT);
        String tenant = host.substring(0, host.indexOf('.'));
        String rest = host.substring(host.indexOf('.'));
        tenant = tenant.replaceFirst("-(admin|my)$", "");
        return "https://" + tenant + rest;
    }

    /** {@code https://contoso.sharepoint.com} → {@code https://contoso-admin.sharepoint.com}. */
    public static String adminUrl(String root) {
        String host = URI.create(root).getHost();
        return "https://" + host.replaceFirst("^([^.]+)", "$1-admin");
    }
}
