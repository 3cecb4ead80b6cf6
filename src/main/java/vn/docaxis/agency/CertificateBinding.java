package vn.docaxis.agency;

import java.time.Instant;

/** A signing certificate bound to an agency, as admins and auditors see it. */
public record CertificateBinding(String agencyCode, String fingerprint, String subject, String issuer, String serialNumber,
                                 Instant notBefore, Instant notAfter, Instant registeredAt, String registeredBy) {

    static CertificateBinding of(AgencyCertificate c) {
        return new CertificateBinding(c.agencyCode, c.fingerprint, c.subject, c.issuer, c.serialNumber, c.notBefore,
                c.notAfter, c.registeredAt, c.registeredBy);
    }
}
