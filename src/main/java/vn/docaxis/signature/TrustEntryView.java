package vn.docaxis.signature;

import java.time.Instant;

/** A trust anchor or intermediate as admins see it. */
public record TrustEntryView(String fingerprint, String kind, String subject, String issuer, String serialNumber,
                             Instant notBefore, Instant notAfter, boolean expired, String source, Instant addedAt,
                             String addedBy) {

    static TrustEntryView of(TrustCertificate c, Instant now) {
        return new TrustEntryView(c.fingerprint, c.kind, c.subject, c.issuer, c.serialNumber, c.notBefore, c.notAfter,
                c.notAfter.isBefore(now), c.source, c.addedAt, c.addedBy);
    }
}
