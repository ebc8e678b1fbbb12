package dev.m365.emulator;

import java.util.Locale;
import java.util.Map;

/** Resource owner password credentials, with Entra's refusals: /common, unknown users, bad passwords, MFA, CA. */
final class PasswordGrant {

    private final EntraEmulator emulator;

    PasswordGrant(EntraEmulator emulator) {
        this.emulator = emulator;
    }

    Map<String, Object> handle(String tenant, Map<String, String> form) {
        String t = tenant.toLowerCase(Locale.ROOT);
        if (t.equals("common") || t.equals("consumers")) {
            throw EntraErrorBody.of(400, "invalid_request", 9001023,
                    "The grant type is not supported over the /common or /consumers endpoints. Please use the "
                            + "/organizations or tenant-specific endpoint.").fail();
        }
        Directory.App app = emulator.requireApp(form.get("client_id"), tenant);
        String tenantId = emulator.resolveTenant(tenant);
        Directory.User user = emulator.directory().user(form.getOrDefault("username", ""))
                .filter(u -> tenantId == null || u.tenantId().equals(tenantId))
                .orElseThrow(() -> EntraErrorBody.of(400, "invalid_grant", 50034, "The user account {EUII Hidden} "
                        + "does not exist in the " + tenant + " directory. To sign into this application, the account "
                        + "must be added to the directory.").fail());
        if (!user.password().equals(form.get("password"))) {
            throw EntraErrorBody.of(400, "invalid_grant", 50126,
                    "Error validating credentials due to invalid username or password.").fail();
        }
        if (user.policy() == Directory.Policy.MFA) {
            throw EntraErrorBody.of(400, "invalid_grant", 50076, "Due to a configuration change made by your "
                    + "administrator, or because you moved to a new location, you must use multi-factor "
                    + "authentication to access '00000003-0000-0000-c000-000000000000'.").fail();
        }
        if (user.policy() == Directory.Policy.BLOCKED) {
            throw EntraErrorBody.of(400, "invalid_grant", 53003, "Access has been blocked by Conditional Access "
                    + "policies. The access policy does not allow token issuance.").fail();
        }
        return emulator.userTokens(user, app, EntraEmulator.Scope.parse(form.getOrDefault("scope", "")));
    }
}
