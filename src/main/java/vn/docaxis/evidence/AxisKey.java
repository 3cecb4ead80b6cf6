package vn.docaxis.evidence;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.logging.Logger;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Deployment;
import vn.docaxis.platform.MasterKey;
import vn.docaxis.platform.PlatformConfig;

/**
 * The axis's own signing key, for evidence, checkpoints and receipts: a PKCS#12 keystore from
 * configuration, or in trial mode one generated into the data directory on first start.
 */
@ApplicationScoped
public class AxisKey {

    private static final Logger LOG = Logger.getLogger(AxisKey.class);
    static final String TRIAL_FILE = "evidence-key.p12";

    @Inject
    EvidenceConfig config;

    @Inject
    PlatformConfig platform;

    private PrivateKey key;
    private X509Certificate certificate;
    private List<X509Certificate> chain;

    @PostConstruct
    void load() {
        Path file;
        char[] password;
        if (config.keystore().isPresent()) {
            file = config.keystore().get();
            password = config.keystorePassword().orElseThrow(() -> new IllegalStateException(
                    "DOCAXIS_EVIDENCE_KEYSTORE_PASSWORD is required with DOCAXIS_EVIDENCE_KEYSTORE")).toCharArray();
        } else if (Deployment.isProduction()) {
            throw new IllegalStateException("DOCAXIS_EVIDENCE_KEYSTORE (a PKCS#12 file with the axis signing key) and "
                    + "DOCAXIS_EVIDENCE_KEYSTORE_PASSWORD are required in production");
        } else {
            file = platform.dataDir().resolve(TRIAL_FILE);
            password = trialPassword();
            if (!Files.exists(file)) {
                generateTrialKey(file, password);
            }
        }
        read(file, password);
    }

    public PrivateKey privateKey() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate first, then any issuers the keystore holds. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public String fingerprint() {
        return Certificates.fingerprint(certificate);
    }

    /**
     * For a self-signed axis certificate (trial mode, or an operator without a CA), an empty CRL
     * signed by the axis key and valid for a week: strict verifiers, ours included, want revocation
     * data for every certificate, the signer's too. A CA-issued certificate has its CA's CRLs.
     */
    public Optional<X509CRL> selfIssuedCrl(Instant now) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return Optional.empty();
        }
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                    certificate.getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(7, ChronoUnit.DAYS)));
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return Optional.of(new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm).build(key))));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign the axis CRL: " + e.getMessage(), e);
        }
    }

    private void read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = config.keyAlias().orElse(null);
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Keystore " + file + " holds no private key"));
            }
            if (!isKey(store, alias)) {
                throw new IllegalStateException("Keystore " + file + " has no private key under alias '" + alias + "'");
            }
            key = (PrivateKey) store.getKey(alias, password);
            Certificate[] certificates = store.getCertificateChain(alias);
            chain = Arrays.stream(certificates).map(c -> (X509Certificate) c).toList();
            certificate = chain.get(0);
            if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
                throw new IllegalStateException("The evidence key must be RSA or EC, not " + key.getAlgorithm());
            }
            LOG.infof("Evidence signing key: %s, certificate %s (SHA-256 %s), valid until %s", key.getAlgorithm(),
                    certificate.getSubjectX500Principal().getName(), fingerprint(), certificate.getNotAfter().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the evidence key from " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private char[] trialPassword() {
        byte[] master = MasterKey.resolve(platform.masterKey(), platform.dataDir(), false).orElseThrow();
        return HexFormat.of().formatHex(MasterKey.derive(master, "evidence-keystore")).toCharArray();
    }

    /** A self-signed EC P-256 key: fast to sign with, and accepted by xmlsec1 and the JDK alike. */
    private static void generateTrialKey(Path file, char[] password) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=docaxis evidence (TRIAL - not for production),O=docaxis,C=VN");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.cRLSign));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("docaxis-evidence", pair.getPrivate(), password, new Certificate[] {certificate});
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                store.store(out, password);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.warnf("Trial mode: generated an evidence signing key in %s. Evidence signed with it proves nothing "
                    + "outside this trial; production needs DOCAXIS_EVIDENCE_KEYSTORE.", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trial evidence key " + file, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the trial evidence key", e);
        }
    }
}
