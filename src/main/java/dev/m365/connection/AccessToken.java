package dev.m365.connection;

/** A cached access token for one resource; {@code expiresAt} in POSIX seconds. */
public record AccessToken(String resource, String token, long expiresAt) {

    /** Valid for at least {@code marginSeconds} more. */
    public boolean validFor(long nowSeconds, long marginSeconds) {
        return expiresAt - marginSeconds > nowSeconds;
    }

    @Override
    public String toString() {
        return "AccessToken[resource=" + resource + ", expiresAt=" + expiresAt + "]";
    }
}
