package vn.docaxis.signature;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * One immutable snapshot of the trust material, parsed once and shared by every verification
 * until the material changes.
 *
 * @param agencyByFingerprint certificate bindings of the agency registry
 */
public record TrustMaterial(long version, Map<X500Principal, List<X509Certificate>> anchorsBySubject,
                            Map<X500Principal, List<X509Certificate>> intermediatesBySubject,
                            Map<X500Principal, List<X509CRL>> crlsByIssuer, Map<String, String> agencyByFingerprint) {

    public static final TrustMaterial EMPTY = of(-1, List.of(), List.of(), List.of(), Map.of());

    public static TrustMaterial of(long version, Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates,
                                   Collection<X509CRL> crls, Map<String, String> agencyByFingerprint) {
        Map<X500Principal, List<X509CRL>> crlIndex = crls.stream()
                .collect(Collectors.groupingBy(X509CRL::getIssuerX500Principal, HashMap::new, Collectors.collectingAndThen(
                        Collectors.toList(), l -> l.stream()
                                .sorted(Comparator.comparing(X509CRL::getThisUpdate).reversed()).toList())));
        return new TrustMaterial(version, bySubject(anchors), bySubject(intermediates), Map.copyOf(crlIndex),
                Map.copyOf(agencyByFingerprint));
    }

    public List<X509Certificate> anchors(X500Principal subject) {
        return anchorsBySubject.getOrDefault(subject, List.of());
    }

    public List<X509Certificate> intermediates(X500Principal subject) {
        return intermediatesBySubject.getOrDefault(subject, List.of());
    }

    /** The newest CRL of that issuer issued at or before {@code now}. */
    public Optional<X509CRL> newestCrl(X500Principal issuer, Instant now) {
        return crlsByIssuer.getOrDefault(issuer, List.of()).stream()
                .filter(c -> !c.getThisUpdate().toInstant().isAfter(now)).findFirst();
    }

    private static Map<X500Principal, List<X509Certificate>> bySubject(Collection<X509Certificate> certificates) {
        return Map.copyOf(certificates.stream().collect(Collectors.groupingBy(X509Certificate::getSubjectX500Principal,
                HashMap::new, Collectors.toUnmodifiableList())));
    }
}
