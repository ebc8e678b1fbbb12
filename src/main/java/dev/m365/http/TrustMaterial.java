package dev.m365.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.m365.error.UsageException;

/**
 * The certificate authorities outbound TLS trusts: the JVM's, plus those in {@code m365.tls.ca-file} (a
 * TLS-inspecting proxy's CA, a private PKI). Applied to token calls and every other call alike.
 */
public final class TrustMaterial {

    private TrustMaterial() {
    }

    /** Empty when no extra CA is configured, so the JVM's defaults apply unchanged. */
    public static Optional<KeyStore> withExtraAuthorities(Optional<Path> caFile, String origin) {
        if (caFile.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int n = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jvm-" + n++, ca);
                    }
                }
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(caFile.get())) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new UsageException(origin + " " + caFile.get() + " holds no PEM certificate.");
            }
            for (Certificate ca : extra) {
                store.setCertificateEntry("m365-" + n++, ca);
            }
            return Optional.of(store);
        } catch (NoSuchFileException e) {
            throw new UsageException(origin + " " + caFile.get() + " does not exist: point it at a PEM file of CA certificates.");
        } catch (IOException | GeneralSecurityException e) {
            throw new UsageException(origin + " " + caFile.get() + " is not a PEM file of CA certificates: "
                    + e.getMessage() + ".");
        }
    }

    public static TrustManagerFactory trustManagers(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
