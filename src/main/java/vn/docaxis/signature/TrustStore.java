package vn.docaxis.signature;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.jboss.logging.Logger;
import vn.docaxis.agency.CertificateBindings;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.Deployment;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AuditLog;

/**
 * Trust anchors, intermediate certificates and CRLs: managed by admins, loadable from a
 * directory, and parsed once into a {@link TrustMaterial} snapshot that every verification shares
 * until the material changes (here, or on another instance: a version counter says so).
 */
@ApplicationScoped
public class TrustStore {

    public enum Kind {
        ANCHOR, INTERMEDIATE
    }

    private static final Logger LOG = Logger.getLogger(TrustStore.class);

    @Inject
    AuditLog audit;

    @Inject
    CertificateBindings bindings;

    @Inject
    SignatureConfig config;

    @Inject
    Event<TrustChanged> changed;

    private final AtomicReference<TrustMaterial> current = new AtomicReference<>(TrustMaterial.EMPTY);

    /** Fired in the transaction of a change; the snapshot reloads once it commits. */
    public record TrustChanged() {
    }

    /** What an upload did: added the entry, or found it there already. */
    public record Added<T>(T entry, boolean created) {
    }

    public TrustMaterial material() {
        TrustMaterial m = current.get();
        if (m.version() < 0) {
            reload();
            m = current.get();
        }
        return m;
    }

    // ---- certificates ----

    @Transactional
    public Added<TrustEntryView> addCertificate(Kind kind, byte[] body, Actor actor, String source) {
        X509Certificate certificate = Certificates.parseOne(body);
        String fingerprint = Certificates.fingerprint(certificate);
        TrustCertificate existing = TrustCertificate.findById(fingerprint);
        Instant now = Now.instant();
        if (existing != null) {
            return new Added<>(TrustEntryView.of(existing, now), false);
        }
        TrustCertificate c = new TrustCertificate();
        c.fingerprint = fingerprint;
        c.kind = kind.name();
        c.subject = certificate.getSubjectX500Principal().getName();
        c.issuer = certificate.getIssuerX500Principal().getName();
        c.serialNumber = Certificates.serialHex(certificate.getSerialNumber());
        c.notBefore = certificate.getNotBefore().toInstant();
        c.notAfter = certificate.getNotAfter().toInstant();
        c.der = encoded(certificate);
        c.source = source;
        c.addedAt = now;
        c.addedBy = actor.name();
        c.persist();
        audit.change(actor, "trust." + kind.name().toLowerCase(Locale.ROOT) + ".add", "trust", fingerprint,
                Map.of("subject", c.subject, "notAfter", c.notAfter.toString()));
        markChanged();
        return new Added<>(TrustEntryView.of(c, now), true);
    }

    @Transactional
    public void removeCertificate(Kind kind, String fingerprint, Actor actor) {
        TrustCertificate c = TrustCertificate.findById(fingerprint.toLowerCase(Locale.ROOT));
        if (c == null || !c.kind.equals(kind.name())) {
            throw new ProblemException(ErrorCode.TRUST_ENTRY_NOT_FOUND, "No " + kind.name().toLowerCase(Locale.ROOT)
                    + " " + fingerprint);
        }
        c.delete();
        audit.change(actor, "trust." + kind.name().toLowerCase(Locale.ROOT) + ".remove", "trust", c.fingerprint,
                Map.of("subject", c.subject));
        markChanged();
    }

    public List<TrustEntryView> certificates(Kind kind) {
        Instant now = Now.instant();
        return TrustCertificate.<TrustCertificate>list("kind", Sort.by("subject"), kind.name()).stream()
                .map(c -> TrustEntryView.of(c, now)).toList();
    }

    // ---- CRLs ----

    /** Adds a CRL after checking its signature against a registered anchor or intermediate. */
    @Transactional
    public Added<CrlView> addCrl(byte[] body, Actor actor, String source, String distributionPoint) {
        X509CRL crl = Certificates.parseCrl(body);
        String fingerprint = Certificates.fingerprint(crl);
        Instant now = Now.instant();
        TrustCrl existing = TrustCrl.findById(fingerprint);
        if (existing != null) {
            return new Added<>(CrlView.of(existing, now), false);
        }
        if (!signedByKnownCa(crl)) {
            throw new ProblemException(ErrorCode.CRL_ISSUER_UNKNOWN, "No registered anchor or intermediate named "
                    + crl.getIssuerX500Principal().getName() + " signed this CRL; register the CA first");
        }
        TrustCrl c = new TrustCrl();
        c.fingerprint = fingerprint;
        c.issuer = crl.getIssuerX500Principal().getName();
        c.crlNumber = crlNumber(crl);
        c.thisUpdate = crl.getThisUpdate().toInstant();
        c.nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        c.revokedCount = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        try {
            c.der = crl.getEncoded();
        } catch (CRLException e) {
            throw new ProblemException(ErrorCode.INVALID_CRL, "The CRL cannot be re-encoded");
        }
        c.source = source;
        c.distributionPoint = distributionPoint;
        c.addedAt = now;
        c.addedBy = actor.name();
        c.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("issuer", c.issuer);
        detail.put("thisUpdate", c.thisUpdate.toString());
        if (c.nextUpdate != null) {
            detail.put("nextUpdate", c.nextUpdate.toString());
        }
        audit.change(actor, "trust.crl.add", "trust", fingerprint, detail);
        markChanged();
        return new Added<>(CrlView.of(c, now), true);
    }

    @Transactional
    public void removeCrl(String fingerprint, Actor actor) {
        TrustCrl c = TrustCrl.findById(fingerprint.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new ProblemException(ErrorCode.TRUST_ENTRY_NOT_FOUND, "No CRL " + fingerprint);
        }
        c.delete();
        audit.change(actor, "trust.crl.remove", "trust", c.fingerprint, Map.of("issuer", c.issuer));
        markChanged();
    }

    public List<CrlView> crls() {
        Instant now = Now.instant();
        return TrustCrl.<TrustCrl>listAll(Sort.by("issuer").and("thisUpdate", Sort.Direction.Descending)).stream()
                .map(c -> CrlView.of(c, now)).toList();
    }

    // ---- the cached snapshot ----

    /** A binding of the agency registry changed: part of the material too. */
    void onBindingChanged(@Observes CertificateBindings.Changed event) {
        markChanged();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrustChanged event) {
        reload();
    }

    @Scheduled(every = "${docaxis.signature.trust-refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfChangedElsewhere() {
        try {
            if (storedVersion() != current.get().version()) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Trust material refresh failed: %s", e.getMessage());
        }
    }

    public synchronized void reload() {
        long version = storedVersion();
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (TrustCertificate c : TrustCertificate.<TrustCertificate>listAll()) {
            (Kind.valueOf(c.kind) == Kind.ANCHOR ? anchors : intermediates).add(Certificates.fromDer(c.der));
        }
        List<X509CRL> crls = TrustCrl.<TrustCrl>listAll().stream().map(c -> Certificates.crlFromDer(c.der)).toList();
        current.set(TrustMaterial.of(version, anchors, intermediates, crls, bindings.all()));
        LOG.debugf("Trust material v%d: %d anchors, %d intermediates, %d CRLs", version, anchors.size(),
                intermediates.size(), crls.size());
    }

    private void markChanged() {
        TrustCertificate.getEntityManager().createNativeQuery("update trust_version set version = version + 1 where id = 1")
                .executeUpdate();
        changed.fire(new TrustChanged());
    }

    private static long storedVersion() {
        Object v = TrustCertificate.getEntityManager().createNativeQuery("select version from trust_version where id = 1")
                .getSingleResult();
        return ((Number) v).longValue();
    }

    private boolean signedByKnownCa(X509CRL crl) {
        for (TrustCertificate c : TrustCertificate.<TrustCertificate>list("subject", crl.getIssuerX500Principal().getName())) {
            try {
                crl.verify(Certificates.fromDer(c.der).getPublicKey());
                return true;
            } catch (Exception e) {
                // another key of the same name, or a forged CRL: try the next one
            }
        }
        return false;
    }

    private static String crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue("2.5.29.20");
        if (ext == null) {
            return null;
        }
        try {
            ASN1Primitive octets = ASN1Primitive.fromByteArray(ext);
            byte[] inner = ((ASN1OctetString) octets).getOctets();
            BigInteger number = ASN1Integer.getInstance(inner).getValue();
            return number.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ProblemException(ErrorCode.INVALID_CERTIFICATE, "The certificate cannot be re-encoded");
        }
    }

    // ---- the configured directory ----

    /** A file of this name marks a trust directory as demo material, whose private keys are public. */
    static final String DEMO_MARKER = "DEMO-ONLY";

    void onStart(@Observes @Priority(150) StartupEvent event) {
        config.trustDir().ifPresent(this::loadDirectory);
        reload();
    }

    /** Loads anchors/, intermediates/ and crls/ of the directory; entries already present are kept. */
    public void loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("docaxis.signature.trust-dir " + dir.toAbsolutePath() + " is not a directory");
        }
        if (Files.exists(dir.resolve(DEMO_MARKER)) && Deployment.isProduction()) {
            throw new IllegalStateException("docaxis.signature.trust-dir " + dir.toAbsolutePath() + " holds demo trust "
                    + "material (its keys are published): refused in the prod profile");
        }
        int added = 0;
        for (Path file : files(dir.resolve("anchors"))) {
            added += addCertificate(Kind.ANCHOR, read(file), Actor.SERVICE, "DIRECTORY").created() ? 1 : 0;
        }
        for (Path file : files(dir.resolve("intermediates"))) {
            added += addCertificate(Kind.INTERMEDIATE, read(file), Actor.SERVICE, "DIRECTORY").created() ? 1 : 0;
        }
        for (Path file : files(dir.resolve("crls"))) {
            added += addCrl(read(file), Actor.SERVICE, "DIRECTORY", null).created() ? 1 : 0;
        }
        LOG.infof("Trust material from %s: %d new entries", dir.toAbsolutePath(), added);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
