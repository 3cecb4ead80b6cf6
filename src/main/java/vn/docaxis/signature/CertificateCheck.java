package vn.docaxis.signature;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.platform.Certificates;

/**
 * Checks 8 to 10 of SIGNATURES.md for one certificate: key usage, a path to a configured trust
 * anchor validated at the given time with the JDK PKIX validator, and revocation from the cached
 * CRLs. Also tells which agency, if any, the certificate is bound to.
 */
final class CertificateCheck {

    /**
     * Pairs (certificate, issuer) whose signature was already checked: paths repeat across
     * documents. Bounded: emptied when full, so that millions of signers cannot grow it.
     */
    private static final Map<String, Boolean> ISSUED_BY = new ConcurrentHashMap<>();
    private static final int ISSUED_BY_MAX = 20_000;
    private static final int MAX_PATH = 10;

    record Result(List<X509Certificate> path, X509Certificate anchor, String chainStatus, String revocationStatus,
                  List<Reason> reasons) {

        List<String> chainSubjects() {
            List<String> subjects = new ArrayList<>(path.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
            if (anchor != null) {
                subjects.add(anchor.getSubjectX500Principal().getName());
            }
            return subjects;
        }
    }

    private CertificateCheck() {
    }

    /** The signer's key usage (check 8). */
    static Optional<Reason> keyUsage(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        if (usage == null || !(usage[0] || usage[1])) {
            return Optional.of(Reason.error(ReasonCode.BAD_KEY_USAGE,
                    "keyUsage of " + signer.getSubjectX500Principal().getName() + " allows neither digitalSignature nor nonRepudiation"));
        }
        return Optional.empty();
    }

    /** Checks 9 and 10 at {@code at}; {@code extra} are certificates carried by the signature itself. */
    static Result path(X509Certificate signer, Collection<X509Certificate> extra, Instant at, Instant now, TrustMaterial trust) {
        List<Reason> reasons = new ArrayList<>();
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        X509Certificate anchor = null;
        X509Certificate current = signer;
        for (int depth = 0; depth < MAX_PATH && anchor == null; depth++) {
            X500Principal issuer = current.getIssuerX500Principal();
            anchor = issuedBy(current, trust.anchors(issuer));
            if (anchor != null) {
                break;
            }
            if (current.getSubjectX500Principal().equals(issuer)) {
                break; // self-signed and not an anchor: a rogue root
            }
            List<X509Certificate> candidates = new ArrayList<>(trust.intermediates(issuer));
            extra.stream().filter(c -> c.getSubjectX500Principal().equals(issuer)).forEach(candidates::add);
            X509Certificate next = issuedBy(current, candidates);
            if (next == null || path.contains(next)) {
                break;
            }
            path.add(next);
            current = next;
        }
        if (anchor == null) {
            reasons.add(Reason.error(ReasonCode.UNTRUSTED_ROOT, "No path from " + signer.getSubjectX500Principal().getName()
                    + " to a configured trust anchor (stopped at " + current.getIssuerX500Principal().getName() + ")"));
            return new Result(path, null, "UNTRUSTED", "NOT_CHECKED", reasons);
        }
        String chainStatus = validate(path, anchor, at, reasons);
        String revocation = revocation(path, anchor, at, now, trust, reasons);
        return new Result(path, anchor, chainStatus, revocation, reasons);
    }

    /**
     * The agency a certificate is bound to: registered by fingerprint, or by the subject rule
     * (the configured attribute holds an agency code).
     */
    static Binding binding(X509Certificate certificate, TrustMaterial trust, Optional<String> subjectAttribute) {
        String fingerprint = Certificates.fingerprint(certificate);
        String registered = trust.agencyByFingerprint().get(fingerprint);
        if (registered != null) {
            return new Binding(registered, "REGISTRY");
        }
        if (subjectAttribute.isPresent() && !subjectAttribute.get().isBlank()) {
            for (String value : attributeValues(certificate.getSubjectX500Principal(), subjectAttribute.get())) {
                if (AgencyCode.isValid(value)) {
                    return new Binding(value, "SUBJECT_" + subjectAttribute.get().toUpperCase());
                }
            }
        }
        return new Binding(null, null);
    }

    record Binding(String agency, String source) {
    }

    private static String validate(List<X509Certificate> path, X509Certificate anchor, Instant at, List<Reason> reasons) {
        if (at.isAfter(anchor.getNotAfter().toInstant())) {
            reasons.add(Reason.error(ReasonCode.CERT_EXPIRED, "The trust anchor " + anchor.getSubjectX500Principal().getName()
                    + " expired on " + anchor.getNotAfter().toInstant()));
            return "EXPIRED";
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false); // checked below, from the cached CRLs only
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return "VALID";
        } catch (CertPathValidatorException e) {
            X509Certificate failed = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.get(e.getIndex()) : null;
            String who = failed == null ? "the path" : failed.getSubjectX500Principal().getName();
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                reasons.add(Reason.error(ReasonCode.CERT_EXPIRED, who + " had expired at " + at
                        + (failed == null ? "" : " (notAfter " + failed.getNotAfter().toInstant() + ")")));
                return "EXPIRED";
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                reasons.add(Reason.error(ReasonCode.CERT_NOT_YET_VALID, who + " was not yet valid at " + at
                        + (failed == null ? "" : " (notBefore " + failed.getNotBefore().toInstant() + ")")));
                return "NOT_YET_VALID";
            }
            reasons.add(Reason.error(ReasonCode.CHAIN_INVALID, who + ": " + e.getMessage()));
            return "INVALID";
        } catch (GeneralSecurityException e) {
            reasons.add(Reason.error(ReasonCode.CHAIN_INVALID, e.getMessage()));
            return "INVALID";
        }
    }

    /**
     * Every certificate of the path but the anchor needs a CRL of its issuer that is current
     * ({@code now} before its nextUpdate) and signed by that issuer.
     */
    private static String revocation(List<X509Certificate> path, X509Certificate anchor, Instant at, Instant now,
                                     TrustMaterial trust, List<Reason> reasons) {
        String status = "GOOD";
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            Optional<X509CRL> crl = trust.newestCrl(certificate.getIssuerX500Principal(), now)
                    .filter(c -> signedBy(c, issuer));
            String who = certificate.getSubjectX500Principal().getName();
            if (crl.isEmpty()) {
                reasons.add(Reason.error(ReasonCode.REVOCATION_UNKNOWN, "No CRL of " + issuer.getSubjectX500Principal().getName()
                        + " to check " + who));
                status = "UNKNOWN";
                continue;
            }
            Date next = crl.get().getNextUpdate();
            if (next != null && next.toInstant().isBefore(now)) {
                reasons.add(Reason.error(ReasonCode.REVOCATION_UNKNOWN, "The newest CRL of "
                        + issuer.getSubjectX500Principal().getName() + " is stale (nextUpdate " + next.toInstant() + ")"));
                status = "UNKNOWN";
                continue;
            }
            X509CRLEntry entry = crl.get().getRevokedCertificate(certificate);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                reasons.add(Reason.error(ReasonCode.CERT_REVOKED, who + " was revoked on " + entry.getRevocationDate().toInstant()
                        + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")")));
                return "REVOKED";
            }
        }
        return status;
    }

    private static X509Certificate issuedBy(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            String pair = Certificates.fingerprint(certificate) + "/" + Certificates.fingerprint(candidate);
            boolean ok = remembered(pair, () -> {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return true;
                } catch (GeneralSecurityException | RuntimeException e) {
                    return false;
                }
            });
            if (ok) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        String pair = Certificates.fingerprint(crl) + "/" + Certificates.fingerprint(issuer);
        return remembered(pair, () -> {
            try {
                crl.verify(issuer.getPublicKey());
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        });
    }

    private static boolean remembered(String pair, BooleanSupplier check) {
        Boolean known = ISSUED_BY.get(pair);
        if (known != null) {
            return known;
        }
        boolean result = check.getAsBoolean();
        if (ISSUED_BY.size() >= ISSUED_BY_MAX) {
            ISSUED_BY.clear();
        }
        ISSUED_BY.put(pair, result);
        return result;
    }

    private static List<String> attributeValues(X500Principal name, String attribute) {
        List<String> values = new ArrayList<>();
        try {
            LdapName ldap = new LdapName(name.getName(X500Principal.RFC2253));
            for (Rdn rdn : ldap.getRdns()) {
                if (rdn.getType().equalsIgnoreCase(attribute)) {
                    values.add(String.valueOf(rdn.getValue()).strip());
                }
            }
        } catch (InvalidNameException e) {
            // no such attribute can be read
        }
        return values;
    }
}
