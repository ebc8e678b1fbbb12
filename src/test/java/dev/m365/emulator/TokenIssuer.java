package dev.m365.emulator;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/** Signs the emulator's tokens with its RSA key (RS256, {@code kid}), as Entra signs v1 access and v2 ID tokens. */
final class TokenIssuer {

    private final KeyPair keys;
    private final String keyId = "emulator-" + UUID.randomUUID().toString().substring(0, 8);
    private final String host;

    TokenIssuer(String host) {
        this.host = host;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    String keyId() {
        return keyId;
    }

    /** The JWKS document served at {@code /{tenant}/discovery/v2.0/keys}. */
    Map<String, Object> jwks() {
        RSAPublicKey pub = publicKey();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("kid", keyId);
        key.put("n", b64.encodeToString(unsigned(pub.getModulus().toByteArray())));
        key.put("e", b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        return Map.of("keys", List.of(key));
    }

    String issuerV1(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    String issuerV2(String tenantId) {
        return host + "/" + tenantId + "/v2.0";
    }

    /** A user's (delegated) access token for {@code resource}. */
    String userAccessToken(Directory.User user, String appId, String resource, String tenantId, long now,
            long lifetime) {
        Map<String, Object> claims = base(resource, tenantId, now, lifetime);
        claims.put("appid", appId);
        claims.put("idtyp", "user");
        claims.put("oid", user.objectId());
        claims.put("upn", user.upn());
        claims.put("unique_name", user.upn());
        claims.put("name", user.displayName());
        claims.put("scp", "AllSites.FullControl Directory.AccessAsUser.All User.Read user_impersonation");
        return sign(claims);
    }

    /** An app-only access token. */
    String appAccessToken(String appId, String servicePrincipalId, String tenantId, String resource, long now,
            long lifetime) {
        Map<String, Object> claims = base(resource, tenantId, now, lifetime);
        claims.put("appid", appId);
        claims.put("idtyp", "app");
        claims.put("oid", servicePrincipalId);
        claims.put("roles", List.of("Sites.FullControl.All", "Directory.Read.All"));
        return sign(claims);
    }

    String idToken(Directory.User user, String appId, long now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", appId);
        claims.put("iss", issuerV2(user.tenantId()));
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("tid", user.tenantId());
        claims.put("oid", user.objectId());
        claims.put("preferred_username", user.upn());
        claims.put("name", user.displayName());
        claims.put("ver", "2.0");
        return sign(claims);
    }

    private Map<String, Object> base(String resource, String tenantId, long now, long lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", resource);
        claims.put("iss", issuerV1(tenantId));
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + lifetime);
        claims.put("tid", tenantId);
        claims.put("ver", "1.0");
        claims.put("uti", UUID.randomUUID().toString().replace("-", ""));
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        return Jwt.claims(claims).jws().keyId(keyId).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.getPrivate());
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
