package dev.m365.testing;

import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real RSA key pairs and X.509 certificates for certificate sign-in tests, written as PEM and PFX files. */
public final class TestCertificates {

    public record Issued(KeyPair keys, X509Certificate certificate) {

        public String sha1Hex() {
            try {
                return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(certificate.getEncoded()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Key (PKCS#8, or PKCS#1 when asked) and certificate in one PEM file, as Azure CLI expects. */
        public Path pem(Path file, boolean pkcs1) throws Exception {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                if (pkcs1) {
                    writer.writeObject(keys);
                } else {
                    writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
                }
                writer.writeObject(certificate);
            }
            return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        }

        public Path encryptedPem(Path file, String password) throws Exception {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .setPassword(password.toCharArray()).build()));
                writer.writeObject(certificate);
            }
            return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        }

        public Path pfx(Path file, String password) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("m365", keys.getPrivate(), password.toCharArray(), new X509Certificate[] { certificate });
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }
    }

    private TestCertificates() {
    }

    public static Issued selfSigned(String commonName) throws Exception {
        KeyPair keys = rsa();
        return new Issued(keys, sign(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName), keys));
    }

    /** A certificate for {@code subject} issued by {@code issuer}'s key: same subject/issuer, new key each time. */
    public static Issued issuedBy(String subject, Issued issuer) throws Exception {
        KeyPair keys = rsa();
        X500Name issuerName = new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        return new Issued(keys, sign(new X500Name("CN=" + subject), keys, issuerName, issuer.keys()));
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys)
            throws Exception {
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now ^ System.nanoTime()).abs(),
                new Date(now - 60_000), new Date(now + 86_400_000L * 365), subject, subjectKeys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
