package io.liqvol.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 made by the JDK's keytool (no BouncyCastle offline), written as the PEM
 * files the gateway reads, and a client {@link SSLContext} that trusts it.
 */
public record SelfSignedPem(Path certFile, Path keyFile, X509Certificate certificate)
{
    private static final char[] PASSWORD = "changeit".toCharArray();

    public static SelfSignedPem create(final Path dir)
        throws IOException, GeneralSecurityException, InterruptedException
    {
        final Path store = dir.resolve("self.p12");
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "liqvol", "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IllegalStateException("keytool failed: " + output);
        }
        final KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store))
        {
            keyStore.load(in, PASSWORD);
        }
        final Certificate certificate = keyStore.getCertificate("liqvol");
        final Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        final Path keyFile = Files.writeString(dir.resolve("key.pem"),
            pem("PRIVATE KEY", keyStore.getKey("liqvol", PASSWORD).getEncoded()));
        return new SelfSignedPem(certFile, keyFile, (X509Certificate)certificate);
    }

    /** A client context that trusts this certificate only. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException
    {
        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("liqvol", certificate);
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
