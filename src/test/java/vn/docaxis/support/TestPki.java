package vn.docaxis.support;

import java.security.cert.Certificate;
import java.security.KeyStore;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKI made in the tests with Bouncy Castle: roots, intermediates, agency and personal
 * certificates, odd ones (expired, wrong key usage, SHA-1) and CRLs. TEST MATERIAL ONLY.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        public String pem() {
            return TestPki.pem(certificate);
        }
    }

    /** Writes the certificate and key to a PKCS#12 keystore, as an operator would provide one. */
    public static Path pkcs12(Issued issued, Path file, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", issued.key(), password.toCharArray(), new Certificate[] {issued.certificate()});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Issued root(String commonName) {
        return certificate(null, "CN=" + commonName + ", O=docaxis TEST PKI, C=VN").ca().build();
    }

    /** Starts a certificate issued by {@code issuer} (null: self-signed). */
    public static Builder certificate(Issued issuer, String subject) {
        return new Builder(issuer, subject);
    }

    /** An agency's certificate as the axis binds it: the agency code in OU. */
    public static Issued agency(Issued issuer, String agencyCode) {
        return certificate(issuer, "CN=Cơ quan " + agencyCode + ", OU=" + agencyCode + ", O=docaxis TEST PKI, C=VN").build();
    }

    public static final class Builder {
        private final Issued issuer;
        private final String subject;
        private KeyPair keys;
        private boolean ca;
        private int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(60));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private String algorithm;
        private String crlUrl;
        private boolean timeStamping;

        private Builder(Issued issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        public Builder ca() {
            this.ca = true;
            this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
            return this;
        }

        public Builder keys(KeyPair keys) {
            this.keys = keys;
            return this;
        }

        public Builder keyUsage(int keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** E.g. SHA1withRSA; default SHA256 with the issuer's key type. */
        public Builder signedWith(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /** A TSA certificate: extended key usage timeStamping, critical. */
        public Builder timeStamping() {
            this.timeStamping = true;
            return this;
        }

        public Builder crlDistributionPoint(String url) {
            this.crlUrl = url;
            return this;
        }

        public Issued build() {
            try {
                KeyPair pair = keys != null ? keys : rsa();
                PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
                X500Principal issuerName = issuer == null ? new X500Principal(subject)
                        : issuer.certificate().getSubjectX500Principal();
                JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        new X500Principal(subject), pair.getPublic());
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
                if (issuer != null) {
                    b.addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()));
                }
                if (timeStamping) {
                    b.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                if (crlUrl != null) {
                    DistributionPoint dp = new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
                    b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
                }
                ContentSigner signer = new JcaContentSignerBuilder(algorithm != null ? algorithm
                        : signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA").build(signingKey);
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(b.build(signer));
                return new Issued(certificate, pair.getPrivate());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A CRL of {@code issuer} revoking {@code revoked}. */
    public static X509CRL crl(Issued issuer, List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(issuer.certificate().getSubjectX500Principal(), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(thisUpdate.minusSeconds(60)), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
            ContentSigner signer = new JcaContentSignerBuilder(issuer.key().getAlgorithm().equals("EC")
                    ? "SHA256withECDSA" : "SHA256withRSA").build(issuer.key());
            return new JcaX509CRLConverter().getCRL(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
