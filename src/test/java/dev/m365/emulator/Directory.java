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

    public record User(String upn, String displayName, String objectId, String tenantId, String password,
            boolean mfaRequired) {
    }

    /** An app registration; {@code consentedTenants} empty means consented everywhere. */
    public record App(String clientId, String displayName, String homeTenantId, boolean publicClient,
            boolean multiTenant, List<String> consentedTenants) {
        boolean consentedIn(String tenantId) {
            return consentedTenants.isEmpty() || consentedTenants.contains(tenantId);
        }
    }

    public static final String CONTOSO_ID = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    public static final String FABRIKAM_ID = "2f1e4c7a-3d5b-4e8f-9a1c-0b2d3e4f5a6b";
    public static final String AZURE_CLI_APP = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final List<User> users = new CopyOnWriteArrayList<>();

    /** Contoso with alice, bob and carol (who needs MFA), Fabrikam with dave, and the Azure CLI's public client. */
    public static Directory standard() {
        Directory d = new Directory();
        d.addTenant(new Tenant(CONTOSO_ID, "Contoso", List.of("contoso.onmicrosoft.com", "contoso.com")));
        d.addTenant(new Tenant(FABRIKAM_ID, "Fabrikam", List.of("fabrikam.onmicrosoft.com")));
        d.addUser(new User("alice@contoso.onmicrosoft.com", "Alice Adams", "a11ce000-0000-4000-8000-000000000001",
                CONTOSO_ID, "alice-password-1", false));
        d.addUser(new User("bob@contoso.onmicrosoft.com", "Bob Brown", "b0b00000-0000-4000-8000-000000000002",
                CONTOSO_ID, "bob-password-2", false));
        d.addUser(new User("carol@contoso.onmicrosoft.com", "Carol Clark", "ca401000-0000-4000-8000-000000000003",
                CONTOSO_ID, "carol-password-3", true));
        d.addUser(new User("dave@fabrikam.onmicrosoft.com", "Dave Davis", "da7e0000-0000-4000-8000-000000000004",
                FABRIKAM_ID, "dave-password-4", false));
        d.addApp(new App(AZURE_CLI_APP, "Microsoft Azure CLI", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", true, true,
                List.of()));
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
