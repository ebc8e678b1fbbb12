package dev.m365.emulator;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The token issuers of workloads that federate with Entra, each with its own signing key: GitHub Actions, a
 * Kubernetes cluster's service-account issuer, Azure Pipelines. Entra trusts their tokens through federated
 * credentials, and checks their signatures against these keys (their JWKS).
 */
final class WorkloadIssuers {

    static final String GITHUB = "https://token.actions.githubusercontent.com";
    static final String KUBERNETES = "https://oidc.prod-aks.azure.com/contoso-cluster/";
    static final String PIPELINES = "https://vstoken.dev.azure.com/contoso-org";

    private final Map<String, KeyPair> keys = new LinkedHashMap<>();

    WorkloadIssuers() {
        for (String issuer : new String[] { GITHUB, KUBERNETES, PIPELINES }) {
            keys.put(issuer, rsa());
        }
    }

    /** An issuer Entra does not trust: signs fine, but no federated credential can name its key. */
    KeyPair untrusted() {
        return rsa();
    }

    Optional<PublicKey> key(String issuer) {
        return Optional.ofNullable(keys.get(issuer)).map(KeyPair::getPublic);
    }

    String mint(String issuer, String subject, String audience, long now, long lifetime) {
        return sign(keys.get(issuer), issuer, subject, audience, now, lifetime);
    }

    static String sign(KeyPair key, String issuer, String subject, String audience, long now, long lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetime);
        claims.put("jti", UUID.randomUUID().toString());
        return Jwt.claims(claims).jws().keyId(Integer.toHexString(key.getPublic().hashCode()))
                .algorithm(SignatureAlgorithm.RS256).sign(key.getPrivate());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
