package dev.m365.request;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.auth.ConnectionSelector;
import dev.m365.config.Cloud;
import dev.m365.config.SecureUrls;
import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.UsageException;
import dev.m365.http.HttpCall;
import dev.m365.http.HttpGateway;
import dev.m365.http.HttpReply;
import dev.m365.http.RetryPolicy;
import dev.m365.service.GraphService;
import dev.m365.service.ResourceNames;
import dev.m365.service.Services;
import dev.m365.sharepoint.SharePointTenant;
import dev.m365.store.ConnectionStore;

/**
 * Authenticated requests to any Microsoft 365 or Azure API ({@code m365 request}, {@code m365 rest}): expands the
 * {@code @graph}, {@code @graphbeta} and {@code @spo} shortcuts, takes the resource from the URL's host (or
 * {@code --resource}), and retries throttling (429, 503) as {@code Retry-After} says, within a bound.
 */
@Singleton
public class ServiceRequests {

    /** A request as given: URL with shortcuts, method, headers, body. */
    public record Spec(String url, String method, Map<String, String> headers, byte[] body, Optional<String> resource,
            boolean skipAuthorization) {
    }

    private final ConnectionStore store;
    private final ConnectionSelector selector;
    private final AuthenticatedHttp http;
    private final HttpGateway gateway;
    private final Services services;
    private final ResourceNames names;
    private final GraphService graph;
    private final SharePointTenant sharePoint;

    public ServiceRequests(ConnectionStore store, ConnectionSelector selector, AuthenticatedHttp http,
            HttpGateway gateway, Services services, ResourceNames names, GraphService graph, SharePointTenant sharePoint) {
        this.store = store;
        this.selector = selector;
        this.http = http;
        this.gateway = gateway;
        this.services = services;
        this.names = names;
        this.graph = graph;
        this.sharePoint = sharePoint;
    }

    public record Sent(URI url, HttpReply reply) {
    }

    public Sent send(Spec spec) {
        StoreData data = store.read();
        Connection main = spec.skipAuthorization() ? data.activeConnection().orElse(null) : selector.main(data);
        Cloud cloud = main == null ? Cloud.Public : main.cloud();
        URI url = SecureUrls.parse(expand(spec.url(), cloud, data, main), "--url");
        HttpCall call = new HttpCall(spec.method().toUpperCase(Locale.ROOT), url, spec.headers(), spec.body(),
                RetryPolicy.THROTTLING, false);
        if (spec.skipAuthorization()) {
            return new Sent(url, gateway.send(call));
        }
        String resource = spec.resource().map(r -> resourceNamed(r, cloud, data, main)).orElseGet(() -> resourceOf(url, cloud));
        Connection connection = selector.forResource(data, resource);
        return new Sent(url, http.send(connection, resource, call));
    }

    private String expand(String url, Cloud cloud, StoreData data, Connection main) {
        String graphRoot = graph.resource(cloud, Optional.empty());
        if (url.startsWith("@graphbeta")) {
            return graphRoot + "/beta" + url.substring("@graphbeta".length());
        }
        if (url.startsWith("@graph")) {
            return graphRoot + "/v1.0" + url.substring("@graph".length());
        }
        if (url.startsWith("@spo")) {
            if (main == null) {
                throw new UsageException("@spo needs a connection to find the tenant's SharePoint URL: run `m365 login`.");
            }
            Connection spo = data.serviceLogin("spo").filter(c -> selector.isDefault()).orElse(main);
            return sharePoint.rootUrl(spo, data) + url.substring("@spo".length());
        }
        return url;
    }

    private String resourceNamed(String name, Cloud cloud, StoreData data, Connection main) {
        if (ResourceNames.isSharePoint(name)) {
            return sharePoint.rootUrl(main, data);
        }
        return names.resolve(name, cloud).orElse(name.strip());
    }

    /** A service's own resource for its hosts (ARM's ends in '/'); otherwise scheme and host, as Entra expects. */
    String resourceOf(URI url, Cloud cloud) {
        String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        return services.all().stream().filter(s -> s.loginArgument().isEmpty() && s.serves(origin, cloud))
                .map(s -> s.resource(cloud, Optional.empty())).findFirst().orElse(origin);
    }
}
