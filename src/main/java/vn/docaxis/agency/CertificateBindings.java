package vn.docaxis.agency;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.docaxis.platform.Certificates;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.platform.Now;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Actor;
import vn.docaxis.security.AuditLog;

/**
 * Binds signing certificates to agencies by SHA-256 fingerprint (SIGNATURES.md, policy 3): a
 * signature made with a bound certificate is that agency's signature. A certificate belongs to
 * one agency at most.
 */
@ApplicationScoped
public class CertificateBindings {

    @Inject
    AuditLog audit;

    @Inject
    AgencyService agencies;

    /** Fired after every change, so that caches of bindings reload. */
    @Inject
    Event<Changed> changed;

    /** A binding was added or removed. */
    public record Changed(String agencyCode) {
    }

    /** A binding, and whether this call made it (a repeated binding changes nothing). */
    public record Bound(CertificateBinding binding, boolean created) {
    }

    @Transactional
    public Bound bind(String agencyCode, byte[] body, Actor actor) {
        agencies.get(agencyCode); // 404 for an unknown agency
        X509Certificate certificate = Certificates.parseOne(body);
        String fingerprint = Certificates.fingerprint(certificate);
        AgencyCertificate existing = AgencyCertificate.findById(fingerprint);
        if (existing != null) {
            if (!existing.agencyCode.equals(agencyCode)) {
                throw new ProblemException(ErrorCode.CERTIFICATE_BOUND_ELSEWHERE, "Certificate " + fingerprint
                        + " is bound to agency " + existing.agencyCode, Map.of("fingerprint", fingerprint));
            }
            return new Bound(CertificateBinding.of(existing), false);
        }
        AgencyCertificate c = new AgencyCertificate();
        c.fingerprint = fingerprint;
        c.agencyCode = agencyCode;
        c.subject = certificate.getSubjectX500Principal().getName();
        c.issuer = certificate.getIssuerX500Principal().getName();
        c.serialNumber = Certificates.serialHex(certificate.getSerialNumber());
        c.notBefore = certificate.getNotBefore().toInstant();
        c.notAfter = certificate.getNotAfter().toInstant();
        c.registeredAt = Now.instant();
        c.registeredBy = actor.name();
        try {
            c.der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ProblemException(ErrorCode.INVALID_CERTIFICATE, "The certificate cannot be re-encoded");
        }
        c.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fingerprint", fingerprint);
        detail.put("subject", c.subject);
        detail.put("notAfter", c.notAfter.toString());
        audit.change(actor, "agency.certificate.bind", "agency", agencyCode, detail);
        changed.fire(new Changed(agencyCode));
        return new Bound(CertificateBinding.of(c), true);
    }

    @Transactional
    public void unbind(String agencyCode, String fingerprint, Actor actor) {
        AgencyCertificate c = AgencyCertificate.findById(fingerprint.toLowerCase(Locale.ROOT));
        if (c == null || !c.agencyCode.equals(agencyCode)) {
            throw new ProblemException(ErrorCode.CERTIFICATE_NOT_FOUND, "No certificate " + fingerprint
                    + " is bound to agency " + agencyCode);
        }
        c.delete();
        audit.change(actor, "agency.certificate.unbind", "agency", agencyCode, Map.of("fingerprint", c.fingerprint));
        changed.fire(new Changed(agencyCode));
    }

    public List<CertificateBinding> of(String agencyCode) {
        agencies.get(agencyCode);
        return AgencyCertificate.<AgencyCertificate>list("agencyCode", Sort.by("registeredAt"), agencyCode).stream()
                .map(CertificateBinding::of).toList();
    }

    /** Every binding: fingerprint → agency code (for the signature policy's cache). */
    public Map<String, String> all() {
        Map<String, String> byFingerprint = new LinkedHashMap<>();
        AgencyCertificate.<AgencyCertificate>listAll().forEach(c -> byFingerprint.put(c.fingerprint, c.agencyCode));
        return byFingerprint;
    }
}
