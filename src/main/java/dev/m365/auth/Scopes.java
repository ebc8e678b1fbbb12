package dev.m365.auth;

/** Resource ↔ v2 scope, as Entra and the Azure CLI convert them (the resource string is kept exactly). */
public final class Scopes {

    public static final String OFFLINE = "offline_access";
    public static final String OPENID = "openid profile";

    private Scopes() {
    }

    /** {@code https://management.azure.com/} → {@code https://management.azure.com//.default}, as Entra expects. */
    public static String defaultScope(String resource) {
        return resource + "/.default";
    }

    /** What a delegated sign-in asks for: the resource, a refresh token, and the user's identity. */
    public static String delegated(String resource) {
        return defaultScope(resource) + " " + OFFLINE + " " + OPENID;
    }

    /** The resource of a v2 scope: strips {@code /.default} or {@code /user_impersonation}. */
    public static String resourceOf(String scope) {
        String s = scope.strip();
        for (String suffix : new String[] { "/.default", "/user_impersonation" }) {
            if (s.endsWith(suffix)) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }
}
