package dev.m365.auth;

import java.util.List;
import java.util.Optional;

import dev.m365.error.EntraError;
import dev.m365.error.EntraException;
import dev.m365.error.EntraFailure;

/**
 * The one table that turns an Entra error into a line a user can act on: what happened, the AADSTS code, what to
 * do, and the failure class that decides the exit code. Known codes first, then the OAuth {@code error} value, as
 * Microsoft advises.
 */
public final class EntraErrors {

    /** Whether the failure happened while signing in, or while renewing a token silently. */
    public enum Stage {
        SIGN_IN,
        RENEWAL
    }

    private static final String SIGN_IN_AGAIN = "sign in again with `m365 login` (or the service's login)";
    private static final String INTERACTIVE = "sign in with --authType deviceCode or --authType browser, which can complete MFA and Conditional Access";

    private record Rule(List<Integer> codes, String error, EntraFailure failure, String what, String fix) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(List.of(50126), null, EntraFailure.BAD_CREDENTIALS, "the user name or password is wrong",
                    "check them; with MFA enabled, " + INTERACTIVE),
            new Rule(List.of(50034), null, EntraFailure.BAD_CREDENTIALS, "the user account does not exist in this tenant",
                    "check the user name and --tenant"),
            new Rule(List.of(7000215), null, EntraFailure.BAD_CREDENTIALS, "the client secret is wrong",
                    "give the secret's value (not its id) with --secret, stdin or AZURE_CLIENT_SECRET"),
            new Rule(List.of(7000222), null, EntraFailure.BAD_CREDENTIALS, "the client secret has expired",
                    "create a new secret for the app registration and sign in with it"),
            new Rule(List.of(7000218), null, EntraFailure.BAD_CREDENTIALS,
                    "the app requires a client secret or certificate",
                    "sign in with --authType secret or certificate, or enable 'Allow public client flows' on the app"),
            new Rule(List.of(700025), null, EntraFailure.BAD_CREDENTIALS, "the app is a public client and takes no secret",
                    "sign in without --secret"),
            new Rule(List.of(50076, 50079, 50158, 50072, 50074), null, EntraFailure.INTERACTION_REQUIRED,
                    "multi-factor authentication is required", INTERACTIVE),
            new Rule(List.of(53003, 53000, 53001, 53002), null, EntraFailure.INTERACTION_REQUIRED,
                    "Conditional Access blocked this sign-in", INTERACTIVE + ", on a compliant device if policy says so"),
            new Rule(List.of(65001, 65004, 90094), null, EntraFailure.CONSENT_REQUIRED,
                    "the app has no consent for these permissions in this tenant",
                    "have an admin grant consent: run `m365 --reconsent` and open the URL it prints"),
            new Rule(List.of(700016), null, EntraFailure.APP_OR_TENANT_UNKNOWN, "the app id is not known in this tenant",
                    "check --appId (or CLIMICROSOFT365_ENTRAAPPID) and --tenant, and that the app exists in this cloud"),
            new Rule(List.of(90002), null, EntraFailure.APP_OR_TENANT_UNKNOWN, "the tenant does not exist",
                    "check --tenant and --cloud"),
            new Rule(List.of(500011), null, EntraFailure.APP_OR_TENANT_UNKNOWN,
                    "the resource is not registered in this tenant", "check the resource URL and --tenant"),
            new Rule(List.of(700024), null, EntraFailure.ASSERTION_REJECTED,
                    "the client assertion is outside its valid time range",
                    "check this machine's clock; a federated token must be fresh (it is fetched again on each sign-in)"),
            new Rule(List.of(700027), null, EntraFailure.ASSERTION_REJECTED,
                    "the client assertion's signature is not valid",
                    "use the certificate (and private key) uploaded to the app registration"),
            new Rule(List.of(70021, 700213, 7002138), null, EntraFailure.ASSERTION_REJECTED,
                    "no federated credential of the app matches the token's issuer, subject and audience",
                    "compare the app's federated credential with the token (matching is case-sensitive)"),
            new Rule(List.of(50013), null, EntraFailure.ASSERTION_REJECTED,
                    "the client assertion is invalid (audience, subject, or already used)",
                    "check the app id and tenant; m365 signs a fresh assertion per request"),
            new Rule(List.of(700229), null, EntraFailure.ASSERTION_REJECTED,
                    "an Entra-issued token cannot be used as a federated assertion", "use the workload's own token"),
            new Rule(List.of(700082), null, EntraFailure.LOGIN_EXPIRED, "the refresh token has expired", SIGN_IN_AGAIN),
            new Rule(List.of(50173, 70008), null, EntraFailure.LOGIN_EXPIRED,
                    "the refresh token was revoked or is no longer valid", SIGN_IN_AGAIN),
            new Rule(List.of(70043), null, EntraFailure.LOGIN_EXPIRED,
                    "Conditional Access sign-in frequency requires signing in again", SIGN_IN_AGAIN),
            new Rule(List.of(501481), null, EntraFailure.PROTOCOL, "the PKCE code verifier did not match",
                    "start the sign-in again"),
            new Rule(List.of(54005), null, EntraFailure.PROTOCOL, "the authorization code was already redeemed",
                    "start the sign-in again"),
            new Rule(List.of(70000, 500117), null, EntraFailure.PROTOCOL,
                    "the authorization code or its redirect URI was not accepted", "start the sign-in again"),
            new Rule(List.of(9002325), null, EntraFailure.PROTOCOL, "Entra requires PKCE for this sign-in",
                    "upgrade m365"),
            new Rule(List.of(50011), null, EntraFailure.APP_OR_TENANT_UNKNOWN,
                    "the app does not allow this redirect URI",
                    "register http://localhost as a redirect URI (Mobile and desktop applications) for the app"),
            new Rule(List.of(9001023, 90124, 90130), null, EntraFailure.APP_OR_TENANT_UNKNOWN,
                    "this sign-in method cannot use the common or consumers endpoint",
                    "give --tenant with your tenant's domain or id"),
            new Rule(List.of(50196), null, EntraFailure.THROTTLED, "Entra detected a request loop",
                    "wait a minute before trying again"),
            new Rule(List.of(700022), null, EntraFailure.PROTOCOL, "a token was asked for several resources at once",
                    "ask for one resource"),
            new Rule(List.of(), "authorization_declined", EntraFailure.DECLINED, "the user declined the sign-in",
                    "run the command again and approve it"),
            new Rule(List.of(), "access_denied", EntraFailure.DECLINED, "the user denied the sign-in",
                    "run the command again and approve it"),
            new Rule(List.of(), "expired_token", EntraFailure.TIMED_OUT, "the device code expired before it was used",
                    "run the command again and enter the code within its lifetime"),
            new Rule(List.of(), "bad_verification_code", EntraFailure.PROTOCOL, "Entra did not recognise the device code",
                    "run the command again"),
            new Rule(List.of(), "interaction_required", EntraFailure.INTERACTION_REQUIRED,
                    "an interactive sign-in is required", INTERACTIVE),
            new Rule(List.of(), "consent_required", EntraFailure.CONSENT_REQUIRED, "consent is required",
                    "have an admin grant consent: run `m365 --reconsent`"),
            new Rule(List.of(), "invalid_client", EntraFailure.BAD_CREDENTIALS, "the client credentials were rejected",
                    "check the app id and its secret or certificate"),
            new Rule(List.of(), "unauthorized_client", EntraFailure.APP_OR_TENANT_UNKNOWN,
                    "the app may not use this sign-in method in this tenant",
                    "check --appId, --tenant, and that public client flows are enabled for the app"),
            new Rule(List.of(), "invalid_scope", EntraFailure.APP_OR_TENANT_UNKNOWN, "the requested scope is not valid",
                    "check the resource or --scope"),
            new Rule(List.of(), "invalid_resource", EntraFailure.APP_OR_TENANT_UNKNOWN,
                    "the requested resource is not valid", "check the resource"),
            new Rule(List.of(), "temporarily_unavailable", EntraFailure.THROTTLED, "Entra is temporarily unavailable",
                    "try again shortly"),
            new Rule(List.of(), "server_error", EntraFailure.THROTTLED, "Entra had an internal error",
                    "try again shortly"),
            new Rule(List.of(), "invalid_grant", EntraFailure.BAD_CREDENTIALS, "the grant was rejected",
                    "check the credentials"));

    private EntraErrors() {
    }

    /** The exception to throw for {@code error}; {@code context} names what was being done ("Sign-in failed"). */
    public static EntraException exception(EntraError error, Stage stage, String context) {
        Rule rule = rule(error).orElse(null);
        EntraFailure failure = rule == null ? EntraFailure.OTHER : rule.failure();
        String what = rule == null ? error.summary() : rule.what();
        String fix = rule == null ? "see https://login.microsoftonline.com/error?code=" + error.aadsts().orElse(0)
                : rule.fix();
        if (stage == Stage.RENEWAL && (failure == EntraFailure.INTERACTION_REQUIRED
                || failure == EntraFailure.BAD_CREDENTIALS && "invalid_grant".equals(error.error())
                || failure == EntraFailure.CONSENT_REQUIRED)) {
            // A refresh that needs the user again is a login that expired, whatever the reason.
            failure = EntraFailure.LOGIN_EXPIRED;
            fix = SIGN_IN_AGAIN;
        }
        return new EntraException(context + ": " + what + " (" + error.label() + "). To fix: " + fix + ".", error,
                failure);
    }

    private static Optional<Rule> rule(EntraError error) {
        Optional<Integer> code = error.aadsts();
        if (code.isPresent()) {
            for (Rule rule : RULES) {
                if (rule.codes().contains(code.get())) {
                    return Optional.of(rule);
                }
            }
        }
        return RULES.stream().filter(r -> error.error().equals(r.error())).findFirst();
    }
}
