package dev.m365.auth;

import java.net.URI;
import java.util.UUID;

import dev.m365.error.UsageException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;

/**
 * Signs the client assertion of certificate credentials as Entra documents it: {@code iss} = {@code sub} = the app,
 * {@code aud} = the token endpoint, a fresh {@code jti}, valid from now for 10 minutes; PS256 with
 * {@code x5t#S256} by default, RS256 with SHA-1 {@code x5t} for older setups, and {@code x5c} for
 * subject-name/issuer certificates.
 */
public final class ClientAssertions {

    public static final String PS256 = "PS256";
    public static final String RS256 = "RS256";
    private static final long LIFETIME_SECONDS = 600;

    private ClientAssertions() {
    }

    public static String algorithm(String value) {
        String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals(PS256) && !upper.equals(RS256)) {
            throw new UsageException("--assertionAlgorithm '" + value + "' is not supported: use PS256 (default) or RS256.");
        }
        return upper;
    }

    public static String sign(CertificateMaterial material, String appId, URI tokenUrl, String algorithm,
            boolean sendChain, long now) {
        JwtSignatureBuilder jws = Jwt.issuer(appId).subject(appId).audience(tokenUrl.toString())
                .claim("jti", UUID.randomUUID().toString()).issuedAt(now).claim("nbf", now)
                .expiresAt(now + LIFETIME_SECONDS).jws().type("JWT");
        if (RS256.equals(algorithm)) {
            jws.algorithm(SignatureAlgorithm.RS256).thumbprint(material.certificate());
        } else {
            jws.algorithm(SignatureAlgorithm.PS256).thumbprintS256(material.certificate());
        }
        if (sendChain) {
            jws.chain(material.chain());
        }
        return jws.sign(material.key());
    }
}
