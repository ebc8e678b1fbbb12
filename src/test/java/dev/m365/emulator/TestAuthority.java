package dev.m365.emulator;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA, as a TLS-inspecting corporate proxy has, and one server certificate it issued for Microsoft's
 * hosts. m365 trusts the CA through {@code m365.tls.ca-file}.
 */
final class TestAuthority {

    static final List<String> HOSTS = List.of("login.microsoftonline.com", "graph.microsoft.com", "*.sharepoint.com",
            "management.azure.com", "graph.windows.net", "manage.office.com", "api.yammer.com");

    private final SSLContext serverContext;
    private final String caPem;

    TestAuthority() throws Exception {
        KeyPair caKeys = rsa();
        X500Name caName = new X500Name("CN=Contoso Inspection CA");
        long now = System.currentTimeMillis();
        var ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, new Date(now - 60_000),
                new Date(now + 86_400_000L), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(ca.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));

        KeyPair serverKeys = rsa();
        GeneralName[] names = HOSTS.stream().map(h -> new GeneralName(GeneralName.dNSName, h)).toArray(GeneralName[]::new);
        var server = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, new Date(now - 60_000),
                new Date(now + 86_400_000L), new X500Name("CN=microsoft.com.intercepted"), serverKeys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        X509Certificate serverCert = new JcaX509CertificateConverter().getCertificate(server.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[] { serverCert, caCert });
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, new char[0]);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(factory.getKeyManagers(), null, null);

        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(caCert);
        }
        caPem = pem.toString();
    }

    SSLContext serverContext() {
        return serverContext;
    }

    Path writeCa(Path file) throws Exception {
        return Files.writeString(file, caPem, StandardCharsets.US_ASCII);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
