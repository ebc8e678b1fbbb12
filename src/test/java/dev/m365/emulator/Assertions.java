package dev.m365.emulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

/** A client assertion as Entra reads it: header, claims, signature check against a given key. */
final class Assertions {

    private Assertions() {
    }

    record Parsed(JsonWebSignature jws, JwtClaims claims) {

        String header(String name) {
            return jws.getHeader(name);
        }

        List<X509Certificate> chain() {
            try {
                List<X509Certificate> chain = jws.getCertificateChainHeaderValue();
                return chain == null ? List.of() : chain;
            } catch (JoseException e) {
                return List.of();
            }
        }

        boolean signedBy(PublicKey key) {
            try {
                jws.setKey(key);
                return jws.verifySignature();
            } catch (JoseException e) {
                return false;
            }
        }

        String issuer() {
            return text("iss");
        }

        String subject() {
            return text("sub");
        }

        List<String> audiences() {
            try {
                return claims.getAudience();
            } catch (MalformedClaimException e) {
                return List.of();
            }
        }

        long number(String name) {
            Object value = claims.getClaimValue(name);
            return value instanceof Number n ? n.longValue() : -1;
        }

        String text(String name) {
            Object value = claims.getClaimValue(name);
            return value == null ? null : value.toString();
        }
    }

    static Parsed parse(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    "RS256", "PS256"));
            jws.setCompactSerialization(token);
            return new Parsed(jws, JwtClaims.parse(jws.getUnverifiedPayload()));
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw EntraErrorBody.of(400, "invalid_client", 50013,
                    "Assertion is invalid because of various reasons: it is malformed.").fail();
        }
    }

    static boolean matches(X509Certificate certificate, Parsed assertion) {
        String sha1 = assertion.header(HeaderParameterNames.X509_CERTIFICATE_THUMBPRINT);
        String sha256 = assertion.header(HeaderParameterNames.X509_CERTIFICATE_SHA256_THUMBPRINT);
        return (sha1 != null && sha1.equals(thumbprint(certificate, "SHA-1")))
                || (sha256 != null && sha256.equals(thumbprint(certificate, "SHA-256")));
    }

    static String thumbprint(X509Certificate certificate, String algorithm) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
