package dev.m365.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import dev.m365.error.UsageException;

/**
 * Loads a certificate and its private key from PEM (key and certificate in one file; PKCS#1, PKCS#8 or encrypted
 * PKCS#8 keys) or from PKCS#12/PFX, and checks a given thumbprint against it.
 */
public final class Certificates {

    /** OpenSSL's PEM encryption names ciphers (AES/CBC/PKCS7Padding) the JDK's providers do not know by that name. */
    private static final java.security.Provider BOUNCY_CASTLE = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private Certificates() {
    }

    public static CertificateMaterial load(byte[] content, Optional<String> password, String origin) {
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.US_ASCII);
        CertificateMaterial material = head.contains("-----BEGIN") ? pem(content, password, origin)
                : pkcs12(content, password, origin);
        return material;
    }

    /** A given thumbprint (SHA-1 or SHA-256, hex, colons and spaces allowed) must be this certificate's. */
    public static void checkThumbprint(CertificateMaterial material, String thumbprint) {
        String given = thumbprint.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!given.equals(material.sha1Thumbprint()) && !given.equals(material.sha256Thumbprint())) {
            throw new UsageException("--thumbprint " + thumbprint + " does not match the certificate, whose SHA-1 "
                    + "thumbprint is " + material.sha1Thumbprint() + ": give the certificate registered for the app, "
                    + "or omit --thumbprint.");
        }
    }

    private static CertificateMaterial pem(byte[] content, Optional<String> password, String origin) {
        PrivateKey key = null;
        List<X509Certificate> certificates = new ArrayList<>();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (item instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    char[] secret = requirePassword(password, origin);
                    key = keys.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(secret)));
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    char[] secret = requirePassword(password, origin);
                    key = keys.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(BOUNCY_CASTLE).build(secret)))
                            .getPrivate();
                }
            }
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw new UsageException("The private key in " + origin + " cannot be decrypted: check --password.");
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new UsageException(origin + " is not a readable PEM file: " + e.getMessage() + ".");
        }
        if (key == null || certificates.isEmpty()) {
            throw new UsageException(origin + " must hold both the private key and the certificate (PEM), or be a PFX file.");
        }
        return new CertificateMaterial(key, certificates.get(0), List.copyOf(certificates));
    }

    private static CertificateMaterial pkcs12(byte[] content, Optional<String> password, String origin) {
        char[] secret = password.orElse("").toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), secret);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, secret);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate c : chain) {
                        certificates.add((X509Certificate) c);
                    }
                    return new CertificateMaterial(privateKey, certificates.get(0), List.copyOf(certificates));
                }
            }
            throw new UsageException(origin + " holds no private key with a certificate.");
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .toLowerCase(Locale.ROOT).contains("password")) {
                throw new UsageException("The PFX file " + origin + " cannot be opened: check --password.");
            }
            throw new UsageException(origin + " is neither a PEM nor a PFX/PKCS#12 file.");
        } catch (GeneralSecurityException e) {
            throw new UsageException("The PFX file " + origin + " cannot be opened: check --password.");
        }
    }

    private static char[] requirePassword(Optional<String> password, String origin) {
        return password.orElseThrow(() -> new UsageException("The private key in " + origin
                + " is encrypted: give its password with --password (or AZURE_CLIENT_CERTIFICATE_PASSWORD).")).toCharArray();
    }
}
