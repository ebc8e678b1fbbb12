package dev.m365.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** A certificate with its private key and chain, as loaded from PEM or PKCS#12. */
public record CertificateMaterial(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {

    /** Upper-case hex SHA-1 thumbprint, as the Azure portal shows it. */
    public String sha1Thumbprint() {
        return thumbprint("SHA-1");
    }

    public String sha256Thumbprint() {
        return thumbprint("SHA-256");
    }

    private String thumbprint(String algorithm) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CertificateMaterial[" + certificate.getSubjectX500Principal() + "]";
    }
}
