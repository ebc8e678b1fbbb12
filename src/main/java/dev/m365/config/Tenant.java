package dev.m365.config;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.m365.error.UsageException;

/**
 * A tenant as Entra accepts it in the authority path: {@code common}, {@code organizations}, {@code consumers}, a
 * tenant GUID, or a verified domain. Validated before any request so a typo never reaches the network.
 */
public record Tenant(String value) {

    public static final Tenant COMMON = new Tenant("common");
    public static final Tenant ORGANIZATIONS = new Tenant("organizations");

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");
    private static final String ACCEPTED = "use common, organizations, consumers, a tenant GUID or a domain such as contoso.onmicrosoft.com";

    public static Tenant parse(String raw, String origin) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (value.equals("common") || value.equals("organizations") || value.equals("consumers")
                || GUID.matcher(value).matches() || DOMAIN.matcher(value).matches()) {
            return new Tenant(value);
        }
        throw new UsageException(origin + " '" + raw + "' is not a tenant: " + ACCEPTED + ".");
    }

    /** True for the tenants that stand for "whichever tenant the user belongs to". */
    public boolean isMultiTenant() {
        return value.equals("common") || value.equals("organizations") || value.equals("consumers");
    }

    public boolean isGuid() {
        return GUID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
