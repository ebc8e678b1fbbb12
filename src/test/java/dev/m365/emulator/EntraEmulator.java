package dev.m365.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that behaves like Microsoft Entra ID for the flows m365 uses: Entra's paths, RS256-signed
 * JWTs with Entra's claims, strictly rotating refresh tokens, and Entra's error bodies. People approve device codes
 * at {@code /devicelogin}; tests can also drive it through its Java API.
 */
public final class EntraEmulator implements AutoCloseable {

    private static final Pattern TENANT_PATH = Pattern.compile(
            "^/([^/]+)/(oauth2/v2\\.0/(?:token|devicecode|authorize)|v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys)$");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Directory directory;
    private final TokenIssuer issuer;
    private final DeviceCodes deviceCodes = new DeviceCodes();
    private final RefreshTokens refreshTokens = new RefreshTokens();
    private final WorkloadIssuers workloadIssuers = new WorkloadIssuers();
    private final PasswordGrant passwordGrant = new PasswordGrant(this);
    private final AppOnlyGrant appOnlyGrant = new AppOnlyGrant(this);
    private final AuthorizationCodeFlow authorizationCode = new AuthorizationCodeFlow(this);
    private final ManagedIdentityEndpoints managedIdentity = new ManagedIdentityEndpoints(this);
    private final CiTokenEndpoints ciTokens = new CiTokenEndpoints(this);
    private final ResourceApis resourceApis = new ResourceApis(this);
    private TestAuthority proxyAuthority;
    private InterceptingProxy interceptingProxy;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong clockOffsetSeconds = new AtomicLong();
    private final AtomicBoolean slowDownNext = new AtomicBoolean();
    private volatile boolean sendDeviceCodeMessage = true;
    private volatile long deviceCodeLifetime = 900;
    private volatile long pollInterval = 1;
    private volatile long accessTokenLifetime = 3600;
    private volatile long refreshTokenLifetime = 90L * 24 * 3600;

    private EntraEmulator(int port, Directory directory) throws IOException {
        this.directory = directory;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.issuer = new TokenIssuer(url());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static EntraEmulator start() throws IOException {
        return start(0);
    }

    public static EntraEmulator start(int port) throws IOException {
        return new EntraEmulator(port, Directory.standard());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Directory directory() {
        return directory;
    }

    // ---- knobs for tests -------------------------------------------------------------------------------------

    public void sendDeviceCodeMessage(boolean send) {
        this.sendDeviceCodeMessage = send;
    }

    public void deviceCodeLifetime(Duration lifetime) {
        this.deviceCodeLifetime = lifetime.toSeconds();
    }

    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime.toSeconds();
    }

    /** The next device-code poll gets {@code slow_down}. */
    public void slowDownNextPoll() {
        slowDownNext.set(true);
    }

    /**
     * Starts (once) a TLS-inspecting proxy in front of the emulator, so m365 can use Microsoft's real URLs
     * (login.microsoftonline.com, graph.microsoft.com, management.azure.com, *.sharepoint.com) through
     * {@code HTTPS_PROXY}, trusting the proxy's CA written to {@code caFile}. Returns the proxy's port.
     */
    public synchronized int startInterceptingProxy(java.nio.file.Path caFile) throws Exception {
        if (interceptingProxy == null) {
            proxyAuthority = new TestAuthority();
            interceptingProxy = new InterceptingProxy(proxyAuthority, server.getAddress().getPort());
        }
        proxyAuthority.writeCa(caFile);
        return interceptingProxy.port();
    }

    /** host:port of every CONNECT the intercepting proxy received. */
    public List<String> proxyTunnels() {
        return interceptingProxy == null ? List.of() : interceptingProxy.tunnels();
    }

    /** The next {@code count} requests to {@code host} (graph.microsoft.com, ...) answer 429 with Retry-After. */
    public void throttle(String host, int count, int retryAfterSeconds) {
        resourceApis.throttle(host, count, retryAfterSeconds);
    }

    /** The secret App Service puts in IDENTITY_HEADER. */
    public String appServiceIdentityHeader() {
        return managedIdentity.identityHeader();
    }

    /** The next IMDS requests answer these statuses, as a busy or restarting IMDS does. */
    public void failNextImdsRequests(int... statuses) {
        managedIdentity.failNext(statuses);
    }

    /** What GitHub puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN for a job with id-token: write. */
    public String githubRequestToken() {
        return ciTokens.githubRequestToken();
    }

    public String githubTokenUrl() {
        return url() + "/github/token?api-version=2.0";
    }

    public int githubTokensIssued() {
        return ciTokens.githubTokensIssued();
    }

    public void githubTokenLifetime(Duration lifetime) {
        ciTokens.githubTokenLifetime(lifetime.toSeconds());
    }

    public String pipelinesAccessToken() {
        return ciTokens.pipelinesAccessToken();
    }

    public String pipelinesOidcUri() {
        return url() + "/pipelines/oidctoken";
    }

    /** A projected service-account token as the kubelet writes it for workload identity. */
    public String kubernetesToken(String namespace, String serviceAccount, Duration lifetime) {
        return workloadIssuers.mint(WorkloadIssuers.KUBERNETES, "system:serviceaccount:" + namespace + ":"
                + serviceAccount, "api://AzureADTokenExchange", now(), lifetime.toSeconds());
    }

    /** A well-formed token from an issuer no federated credential trusts. */
    public String untrustedToken(String subject) {
        return WorkloadIssuers.sign(workloadIssuers.untrusted(), WorkloadIssuers.KUBERNETES, subject,
                "api://AzureADTokenExchange", now(), 600);
    }

    public static String githubIssuer() {
        return WorkloadIssuers.GITHUB;
    }

    public static String githubSubject() {
        return CiTokenEndpoints.GITHUB_SUBJECT;
    }

    public static String kubernetesIssuer() {
        return WorkloadIssuers.KUBERNETES;
    }

    public static String pipelinesIssuer() {
        return WorkloadIssuers.PIPELINES;
    }

    public static String pipelinesSubject(String serviceConnectionId) {
        return CiTokenEndpoints.PIPELINES_SUBJECT_PREFIX + serviceConnectionId;
    }

    /** Redeeming a refresh token retires it: proves a client keeps the rotated one. */
    public void strictRefreshTokenRotation(boolean on) {
        refreshTokens.strict(on);
    }

    public boolean refreshTokenIsLive(String token) {
        return refreshTokens.isLive(token);
    }

    /** Entra no longer knows the device codes issued so far (as after a restart): polls get bad_verification_code. */
    public void forgetDeviceCodes() {
        deviceCodes.forgetAll();
    }

    public void advanceClock(Duration by) {
        clockOffsetSeconds.addAndGet(by.toSeconds());
    }

    public void expireRefreshTokens(String upn) {
        refreshTokens.expireAll(upn, now());
    }

    public void revokeRefreshTokens(String upn) {
        refreshTokens.revokeAll(upn);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public long count(Predicate<RecordedRequest> which) {
        return requests.stream().filter(which).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Waits until a device code is pending and returns its user code. */
    public String awaitUserCode(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeviceCodes.Code> code = deviceCodes.latestPending();
            if (code.isPresent()) {
                return code.get().userCode;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no device code was requested within " + timeout);
    }

    /** What a person does at the device-login page: enter the code and sign in as {@code user}. */
    public void approve(String userCode, String user) {
        DeviceCodes.Code code = deviceCodes.byUserCode(userCode).orElseThrow();
        Directory.User who = directory.user(user).orElseThrow();
        String problem = approvalProblem(code, who);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        code.user = who;
        code.state = DeviceCodes.State.APPROVED;
    }

    public void decline(String userCode) {
        deviceCodes.byUserCode(userCode).orElseThrow().state = DeviceCodes.State.DECLINED;
    }

    long now() {
        return Instant.now().getEpochSecond() + clockOffsetSeconds.get();
    }

    long accessTokenLifetime() {
        return accessTokenLifetime;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    WorkloadIssuers workloadIssuers() {
        return workloadIssuers;
    }

    @Override
    public void close() {
        if (interceptingProxy != null) {
            interceptingProxy.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- routing ---------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> form = new LinkedHashMap<>(Exchanges.query(exchange));
            if ("POST".equals(exchange.getRequestMethod())) {
                form.putAll(Exchanges.form(body));
            }
            String host = host(exchange);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), host, path, form, System.currentTimeMillis()));
            try {
                if (ResourceApis.serves(host)) {
                    resourceApis.handle(exchange, host, form, body);
                    return;
                }
                route(exchange, path, form);
            } catch (EntraErrorBody.Failure failure) {
                Exchanges.json(exchange, failure.body.status(), failure.body.toJson(Instant.ofEpochSecond(now())));
            } catch (RuntimeException e) {
                Exchanges.json(exchange, 500, EntraErrorBody.of(500, "server_error", 500000,
                        "Emulator error: " + e).toJson(Instant.now()));
            }
        }
    }

    /** The Host header without port; the emulator's own address for direct calls. */
    private static String host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return "127.0.0.1";
        }
        host = host.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    /** How the client addressed Entra: the emulator's URL, or https://login.microsoftonline.com through the proxy. */
    private String base(HttpExchange exchange) {
        String host = host(exchange);
        return host.equals("127.0.0.1") || host.equals("localhost") ? url() : "https://" + host;
    }

    private void route(HttpExchange exchange, String path, Map<String, String> form) throws IOException {
        if (path.equals("/devicelogin")) {
            DeviceLoginPage.handle(this, exchange, form);
            return;
        }
        if (path.equals("/metadata/identity/oauth2/token")) {
            managedIdentity.imds(exchange, form);
            return;
        }
        if (path.equals("/msi/token")) {
            managedIdentity.appService(exchange, form);
            return;
        }
        if (path.equals("/github/token")) {
            ciTokens.github(exchange, form);
            return;
        }
        if (path.equals("/pipelines/oidctoken")) {
            ciTokens.pipelines(exchange, form);
            return;
        }
        if (path.equals("/")) {
            Exchanges.html(exchange, 200, "<!doctype html><title>Entra emulator</title><p>Entra emulator. "
                    + "Approve device codes at <a href=\"/devicelogin\">/devicelogin</a>.</p>");
            return;
        }
        Matcher m = TENANT_PATH.matcher(path);
        if (!m.matches()) {
            Exchanges.json(exchange, 404, Map.of("error", "not_found", "error_description", "No such endpoint: " + path));
            return;
        }
        String tenant = m.group(1);
        String endpoint = m.group(2);
        String tenantId = resolveTenant(tenant);
        switch (endpoint) {
            case "v2.0/.well-known/openid-configuration" -> Exchanges.json(exchange, 200, discovery(tenant, tenantId));
            case "discovery/v2.0/keys" -> Exchanges.json(exchange, 200, issuer.jwks());
            case "oauth2/v2.0/devicecode" -> Exchanges.json(exchange, 200, deviceCode(tenant, form));
            case "oauth2/v2.0/token" -> Exchanges.json(exchange, 200, token(base(exchange), tenant, form));
            case "oauth2/v2.0/authorize" -> authorizationCode.authorize(exchange, tenant, form);
            default -> Exchanges.json(exchange, 404, Map.of("error", "not_found"));
        }
    }

    /** The tenant id for a path tenant; the multi-tenant names resolve later, from the user. */
    String resolveTenant(String tenant) {
        String t = tenant.toLowerCase(Locale.ROOT);
        if (t.equals("common") || t.equals("organizations") || t.equals("consumers")) {
            return null;
        }
        return directory.tenant(t).map(Directory.Tenant::id).orElseThrow(() -> EntraErrorBody.of(400,
                "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct "
                        + "tenant ID and are signing into the correct cloud.").fail());
    }

    private Map<String, Object> discovery(String tenant, String tenantId) {
        String base = url() + "/" + tenant;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2/v2.0/token");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        doc.put("jwks_uri", base + "/discovery/v2.0/keys");
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("issuer", url() + "/" + (tenantId == null ? "{tenantid}" : tenantId) + "/v2.0");
        doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        doc.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
        doc.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        doc.put("tenant_region_scope", "EU");
        doc.put("cloud_instance_name", "microsoftonline.com");
        doc.put("msgraph_host", "graph.microsoft.com");
        return doc;
    }

    Directory.App requireApp(String clientId, String tenant) {
        return directory.app(clientId).orElseThrow(() -> EntraErrorBody.of(400, "unauthorized_client", 700016,
                "Application with identifier '" + clientId + "' was not found in the directory '" + tenant
                        + "'. This can happen if the application has not been installed by the administrator of the "
                        + "tenant or consented to by any user in the tenant.").fail());
    }

    private Map<String, Object> deviceCode(String tenant, Map<String, String> form) {
        Directory.App app = requireApp(form.get("client_id"), tenant);
        if (!app.publicClient()) {
            throw EntraErrorBody.of(400, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.").fail();
        }
        Scope scope = Scope.parse(form.getOrDefault("scope", ""));
        DeviceCodes.Code code = deviceCodes.create(app.clientId(), tenant, scope.raw(), now() + deviceCodeLifetime,
                pollInterval);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_code", code.userCode);
        body.put("device_code", code.deviceCode);
        body.put("verification_uri", url() + "/devicelogin");
        body.put("expires_in", deviceCodeLifetime);
        body.put("interval", pollInterval);
        if (sendDeviceCodeMessage) {
            body.put("message", "To sign in, use a web browser to open the page " + url()
                    + "/devicelogin and enter the code " + code.userCode + " to authenticate.");
        }
        return body;
    }

    private Map<String, Object> token(String base, String tenant, Map<String, String> form) {
        String grant = form.getOrDefault("grant_type", "");
        return switch (grant) {
            case "urn:ietf:params:oauth:grant-type:device_code" -> deviceCodeGrant(tenant, form);
            case "refresh_token" -> refreshGrant(tenant, form);
            case "password" -> passwordGrant.handle(tenant, form);
            case "client_credentials" -> appOnlyGrant.handle(base, tenant, form);
            case "authorization_code" -> authorizationCode.redeem(tenant, form);
            default -> throw EntraErrorBody.of(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grant + "'.").fail();
        };
    }

    private Map<String, Object> deviceCodeGrant(String tenant, Map<String, String> form) {
        requireApp(form.get("client_id"), tenant);
        DeviceCodes.Code code = deviceCodes.byDeviceCode(form.get("device_code")).filter(
                c -> c.clientId.equals(form.get("client_id"))).orElseThrow(() -> EntraErrorBody.of(400,
                        "bad_verification_code", 70018, "Invalid verification code entered.").fail());
        long nowMillis = System.currentTimeMillis();
        boolean tooFast = code.lastPollMillis != 0 && nowMillis - code.lastPollMillis < code.interval * 1000 - 250;
        code.lastPollMillis = nowMillis;
        if (slowDownNext.getAndSet(false) || tooFast) {
            throw EntraErrorBody.of(400, "slow_down", 70016, "OAuth 2.0 device flow error. Polling too frequently; "
                    + "increase the interval by 5 seconds.").fail();
        }
        if (code.state == DeviceCodes.State.REDEEMED) {
            throw EntraErrorBody.of(400, "invalid_grant", 90120, "The device code has already been redeemed.").fail();
        }
        if (now() >= code.expiresAt) {
            throw EntraErrorBody.of(400, "expired_token", 70019, "Verification code expired.").fail();
        }
        if (code.state == DeviceCodes.State.DECLINED) {
            throw EntraErrorBody.of(400, "authorization_declined", 70020,
                    "The user declined the authorization request.").fail();
        }
        if (code.state == DeviceCodes.State.PENDING) {
            throw EntraErrorBody.of(400, "authorization_pending", 70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.").fail();
        }
        code.state = DeviceCodes.State.REDEEMED;
        Directory.App app = directory.app(code.clientId).orElseThrow();
        return userTokens(code.user, app, Scope.parse(code.scope), code.user.tenantId());
    }

    private Map<String, Object> refreshGrant(String tenant, Map<String, String> form) {
        Directory.App app = requireApp(form.get("client_id"), tenant);
        RefreshTokens.Grant grant = refreshTokens.redeem(form.get("refresh_token"), app.clientId(), now());
        String tenantId = resolveTenant(tenant);
        if (tenantId != null && !tenantId.equals(grant.tenantId()) && !directory.belongsTo(grant.upn(), tenantId)) {
            throw EntraErrorBody.of(400, "invalid_grant", 50020, "User account '" + grant.upn()
                    + "' from identity provider does not exist in tenant '" + tenant + "'.").fail();
        }
        Directory.User user = directory.user(grant.upn()).orElseThrow();
        return userTokens(user, app, Scope.parse(form.getOrDefault("scope", "")),
                tenantId == null ? grant.tenantId() : tenantId);
    }

    /** Access token for the scope's resource, plus refresh and ID tokens when offline_access / openid were asked. */
    Map<String, Object> userTokens(Directory.User user, Directory.App app, Scope scope) {
        return userTokens(user, app, scope, user.tenantId());
    }

    /** As {@link #userTokens(Directory.User, Directory.App, Scope)}, in {@code tenantId} (home or guest). */
    Map<String, Object> userTokens(Directory.User user, Directory.App app, Scope scope, String tenantId) {
        if (!app.consentedIn(tenantId)) {
            throw EntraErrorBody.of(400, "invalid_grant", 65001, "The user or administrator has not consented to "
                    + "use the application with ID '" + app.clientId() + "' named '" + app.displayName()
                    + "'. Send an interactive authorization request for this user and resource.").fail();
        }
        long now = now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", scope.raw());
        body.put("expires_in", accessTokenLifetime);
        body.put("ext_expires_in", accessTokenLifetime);
        body.put("access_token", issuer.userAccessToken(user, app.clientId(), scope.resource(), tenantId, now,
                accessTokenLifetime));
        if (scope.offlineAccess()) {
            body.put("refresh_token", refreshTokens.issue(user.upn(), app.clientId(), user.tenantId(),
                    now + refreshTokenLifetime));
        }
        if (scope.openid()) {
            body.put("id_token", issuer.idToken(user, app.clientId(), now));
        }
        return body;
    }

    /** Why {@code user} may not approve {@code code}, or null. */
    String approvalProblem(DeviceCodes.Code code, Directory.User user) {
        if (code.state != DeviceCodes.State.PENDING) {
            return "This code was already used.";
        }
        if (now() >= code.expiresAt) {
            return "This code has expired.";
        }
        String t = code.tenant.toLowerCase(Locale.ROOT);
        if (!t.equals("common") && !t.equals("organizations")
                && directory.tenant(t).map(x -> !x.id().equals(user.tenantId())).orElse(true)) {
            return "User account '" + user.upn() + "' does not exist in tenant '" + code.tenant + "'.";
        }
        if (user.policy() == Directory.Policy.BLOCKED) {
            return "AADSTS53003: Access has been blocked by Conditional Access policies.";
        }
        return null;
    }

    DeviceCodes deviceCodes() {
        return deviceCodes;
    }

    /** A v2 scope string: its one resource (from {@code <resource>/.default}) and the OIDC extras. */
    record Scope(String raw, String resource, boolean offlineAccess, boolean openid) {
        static Scope parse(String raw) {
            List<String> resources = new ArrayList<>();
            boolean offline = false;
            boolean openid = false;
            for (String s : raw.trim().split("\\s+")) {
                if (s.equals("offline_access")) {
                    offline = true;
                } else if (s.equals("openid")) {
                    openid = true;
                } else if (s.endsWith("/.default")) {
                    resources.add(s.substring(0, s.length() - "/.default".length()));
                }
            }
            if (resources.size() != 1) {
                throw EntraErrorBody.of(400, "invalid_scope", resources.isEmpty() ? 70011 : 700022,
                        resources.isEmpty() ? "The provided value for the input parameter 'scope' is not valid."
                                : "The provided value for the input parameter scope is not valid because it contains more than one resource.")
                        .fail();
            }
            return new Scope(raw.trim(), resources.get(0), offline, openid);
        }
    }
}
