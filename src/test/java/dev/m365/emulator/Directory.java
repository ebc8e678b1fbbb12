package dev.m365.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The emulator's tenants, app registrations and users. */
public final class Directory {

    public record Tenant(String id, String displayName, List<String> domains) {
        boolean answersTo(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return id.equals(n) || domains.contains(n);
        }
    }

    /** What Conditional Access asks of a user: nothing, MFA (ROPC fails with 50076), or a block (53003). */
    public enum Policy {
        NONE,
        MFA,
        BLOCKED
    }

    public record User(String upn, String displayName, String objectId, String tenantId, String password,
            Policy policy) {
    }

    /** A client secret and when it expires (POSIX seconds). */
    public record Secret(String value, long expiresAt) {
    }

    /** A federated identity credential: issuer, subject and audience, matched exactly (case-sensitive). */
    public record FederatedCredential(String issuer, String subject, String audience) {
    }

    /**
     * An app registration; {@code consentedTenants} empty means consented everywhere. Certificates are matched by
     * thumbprint, or by subject and issuer (auto-rolled certificates) when the assertion carries {@code x5c}.
     */
    public record App(String clientId, String displayName, String homeTenantId, boolean publicClient,
            boolean multiTenant, List<String> consentedTenants, List<Secret> secrets,
            List<java.security.cert.X509Certificate> certificates, List<String> trustedSubjectIssuers,
            List<FederatedCredential> federatedCredentials, String servicePrincipalId) {
        boolean consentedIn(String tenantId) {
            return consentedTenants.isEmpty() || consentedTenants.contains(tenantId);
        }

        public static App publicClient(String clientId, String name, String homeTenantId) {
            return new App(clientId, name, homeTenantId, true, true, List.of(), List.of(), List.of(), List.of(),
                    List.of(), null);
        }

        public static App confidential(String clientId, String name, String homeTenantId, String servicePrincipalId) {
            return new App(clientId, name, homeTenantId, false, false, List.of(), List.of(), List.of(), List.of(),
                    List.of(), servicePrincipalId);
        }

        public App withSecret(String value, long expiresAt) {
            List<Secret> list = new java.util.ArrayList<>(secrets);
            list.add(new Secret(value, expiresAt));
            return new App(clientId, displayName, homeTenantId, publicClient, multiTenant, consentedTenants,
                    List.copyOf(list), certificates, trustedSubjectIssuers, federatedCredentials, servicePrincipalId);
        }

        public App withCertificate(java.security.cert.X509Certificate certificate) {
            List<java.security.cert.X509Certificate> list = new java.util.ArrayList<>(certificates);
            list.add(certificate);
            return new App(clientId, displayName, homeTenantId, publicClient, multiTenant, consentedTenants, secrets,
                    List.copyOf(list), trustedSubjectIssuers, federatedCredentials, servicePrincipalId);
        }

        /** Trusts any certificate with this subject and issuer when its chain is sent (x5c). */
        public App withTrustedSubjectIssuer(String subjectAndIssuer) {
            List<String> list = new java.util.ArrayList<>(trustedSubjectIssuers);
            list.add(subjectAndIssuer);
            return new App(clientId, displayName, homeTenantId, publicClient, multiTenant, consentedTenants, secrets,
                    certificates, List.copyOf(list), federatedCredentials, servicePrincipalId);
        }

        public App withFederatedCredential(String issuer, String subject, String audience) {
            List<FederatedCredential> list = new java.util.ArrayList<>(federatedCredentials);
            list.add(new FederatedCredential(issuer, subject, audience));
            return new App(clientId, displayName, homeTenantId, publicClient, multiTenant, consentedTenants, secrets,
                    certificates, trustedSubjectIssuers, List.copyOf(list), servicePrincipalId);
        }

        public App withoutConsentIn(String tenantId) {
            return new App(clientId, displayName, homeTenantId, publicClient, multiTenant, List.of("none"), secrets,
                    certificates, trustedSubjectIssuers, federatedCredentials, servicePrincipalId);
        }
    }

    /** A managed identity of an Azure resource; {@code system} for the host's system-assigned one. */
    public record ManagedIdentity(String clientId, String objectId, String resourceId, String tenantId,
            boolean system) {
    }

    public static final String CONTOSO_ID = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    public static final String FABRIKAM_ID = "2f1e4c7a-3d5b-4e8f-9a1c-0b2d3e4f5a6b";
    public static final String AZURE_CLI_APP = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    /** A confidential app in Contoso for app-only sign-ins: secret, certificate and federated credentials. */
    public static final String DAEMON_APP = "3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
    public static final String DAEMON_SECRET = "daemon~Secret.Value_0123456789abcdefgh";
    public static final String EXPIRED_SECRET = "daemon~Expired.Value_9876543210zyxwvut";
    public static final String UNCONSENTED_APP = "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928";
    public static final String SYSTEM_MI_CLIENT = "5a0e1f2d-3c4b-4a59-8687-96a5b4c3d2e1";
    public static final String USER_MI_CLIENT = "6b1f2e3d-4c5b-4a69-8788-97b6c5d4e3f2";
    public static final String USER_MI_OBJECT = "7c2a3f4e-5d6c-4b7a-8899-a8c7d6e5f403";
    public static final String USER_MI_RESOURCE = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/jobs";

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final List<User> users = new CopyOnWriteArrayList<>();
    private final List<ManagedIdentity> managedIdentities = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> guests = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> subscriptions = new ConcurrentHashMap<>();

    /** Contoso with alice, bob and carol (who needs MFA), Fabrikam with dave, and the Azure CLI's public client. */
    public static Directory standard() {
        Directory d = new Directory();
        d.addTenant(new Tenant(CONTOSO_ID, "Contoso", List.of("contoso.onmicrosoft.com", "contoso.com")));
        d.addTenant(new Tenant(FABRIKAM_ID, "Fabrikam", List.of("fabrikam.onmicrosoft.com")));
        d.addUser(new User("alice@contoso.onmicrosoft.com", "Alice Adams", "a11ce000-0000-4000-8000-000000000001",
                CONTOSO_ID, "alice-password-1", Policy.NONE));
        d.addUser(new User("bob@contoso.onmicrosoft.com", "Bob Brown", "b0b00000-0000-4000-8000-000000000002",
                CONTOSO_ID, "bob-password-2", Policy.NONE));
        d.addUser(new User("carol@contoso.onmicrosoft.com", "Carol Clark", "ca401000-0000-4000-8000-000000000003",
                CONTOSO_ID, "carol-password-3", Policy.MFA));
        d.addUser(new User("erin@contoso.onmicrosoft.com", "Erin Evans", "e4140000-0000-4000-8000-000000000005",
                CONTOSO_ID, "erin-password-5", Policy.BLOCKED));
        d.addUser(new User("dave@fabrikam.onmicrosoft.com", "Dave Davis", "da7e0000-0000-4000-8000-000000000004",
                FABRIKAM_ID, "dave-password-4", Policy.NONE));
        d.addApp(App.publicClient(AZURE_CLI_APP, "Microsoft Azure CLI", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"));
        d.addApp(App.publicClient(UNCONSENTED_APP, "Unconsented tool", CONTOSO_ID).withoutConsentIn(CONTOSO_ID));
        d.addApp(App.confidential(DAEMON_APP, "Contoso nightly jobs", CONTOSO_ID, "5e7d9c1b-0000-4000-8000-00000000da01")
                .withSecret(DAEMON_SECRET, Long.MAX_VALUE).withSecret(EXPIRED_SECRET, 1_600_000_000L));
        d.guests.put(FABRIKAM_ID, List.of("alice@contoso.onmicrosoft.com"));
        d.subscriptions.put(CONTOSO_ID, List.of(
                subscription("1ab2c3d4-0000-4000-8000-00000000c001", "Contoso Production", "Enabled", CONTOSO_ID),
                subscription("1ab2c3d4-0000-4000-8000-00000000c002", "Contoso Development", "Enabled", CONTOSO_ID),
                subscription("1ab2c3d4-0000-4000-8000-00000000c003", "Contoso Retired", "Disabled", CONTOSO_ID)));
        d.subscriptions.put(FABRIKAM_ID, List.of(
                subscription("2bc3d4e5-0000-4000-8000-00000000f001", "Fabrikam Shared", "Enabled", FABRIKAM_ID)));
        d.managedIdentities.add(new ManagedIdentity(SYSTEM_MI_CLIENT, "8d3b4a5f-6e7d-4c8b-9900-b9d8e7f60514", null,
                CONTOSO_ID, true));
        d.managedIdentities.add(new ManagedIdentity(USER_MI_CLIENT, USER_MI_OBJECT, USER_MI_RESOURCE, CONTOSO_ID,
                false));
        return d;
    }

    public void addTenant(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    public void addUser(User user) {
        users.add(user);
    }

    public void addApp(App app) {
        apps.put(app.clientId(), app);
    }

    public Optional<Tenant> tenant(String name) {
        return tenants.values().stream().filter(t -> t.answersTo(name)).findFirst();
    }

    public Optional<Tenant> tenantById(String id) {
        return Optional.ofNullable(tenants.get(id));
    }

    private static Map<String, Object> subscription(String id, String name, String state, String tenantId) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("id", "/subscriptions/" + id);
        s.put("authorizationSource", "RoleBased");
        s.put("managedByTenants", List.of());
        s.put("subscriptionId", id);
        s.put("tenantId", tenantId);
        s.put("displayName", name);
        s.put("state", state);
        s.put("subscriptionPolicies", Map.of("locationPlacementId", "Public_2014-09-01", "quotaId", "PayAsYouGo_2014-09-01",
                "spendingLimit", "Off"));
        s.put("tags", Map.of());
        return s;
    }

    /** Whether {@code upn} may sign in to {@code tenantId}: a member, or a guest. */
    public boolean belongsTo(String upn, String tenantId) {
        return user(upn).map(u -> u.tenantId().equals(tenantId)).orElse(false)
                || guests.getOrDefault(tenantId, List.of()).contains(upn);
    }

    List<Map<String, Object>> subscriptions(String tenantId) {
        return subscriptions.getOrDefault(tenantId, List.of());
    }

    /** ARM's /tenants: the caller's home tenant and those it is a guest in. */
    List<Map<String, Object>> tenantsOf(String upn, String tokenTenant) {
        List<Map<String, Object>> result = new java.util.ArrayList<>();
        for (Tenant t : tenants.values()) {
            if (t.id().equals(tokenTenant) || belongsTo(upn, t.id())) {
                boolean home = user(upn).map(u -> u.tenantId().equals(t.id())).orElse(t.id().equals(tokenTenant));
                Map<String, Object> item = new java.util.LinkedHashMap<>();
                item.put("id", "/tenants/" + t.id());
                item.put("tenantId", t.id());
                item.put("countryCode", "US");
                item.put("displayName", t.displayName());
                item.put("domains", t.domains());
                item.put("tenantCategory", home ? "Home" : "ProjectedBy");
                item.put("defaultDomain", t.domains().get(0));
                item.put("tenantType", "AAD");
                result.add(item);
            }
        }
        result.sort(java.util.Comparator.comparing(m -> m.get("tenantCategory").equals("Home") ? 0 : 1));
        return result;
    }

    /** Replaces an app registration, e.g. to add a certificate or federated credential in a test. */
    public void updateApp(String clientId, java.util.function.UnaryOperator<App> change) {
        apps.computeIfPresent(clientId, (k, app) -> change.apply(app));
    }

    public List<ManagedIdentity> managedIdentities() {
        return List.copyOf(managedIdentities);
    }

    public Optional<App> app(String clientId) {
        return Optional.ofNullable(clientId == null ? null : apps.get(clientId.toLowerCase(Locale.ROOT)));
    }

    public Optional<User> user(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> u.upn().equals(n) || u.upn().startsWith(n + "@")).findFirst();
    }

    public List<User> users() {
        return List.copyOf(users);
    }
}
