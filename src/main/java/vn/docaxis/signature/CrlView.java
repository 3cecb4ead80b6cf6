package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A CRL as admins see it; {@code stale} once past its nextUpdate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrlView(String fingerprint, String issuer, String crlNumber, Instant thisUpdate, Instant nextUpdate,
                      boolean stale, int revokedCount, String source, String distributionPoint, Instant addedAt,
                      String addedBy) {

    static CrlView of(TrustCrl c, Instant now) {
        return new CrlView(c.fingerprint, c.issuer, c.crlNumber, c.thisUpdate, c.nextUpdate,
                c.nextUpdate != null && c.nextUpdate.isBefore(now), c.revokedCount, c.source, c.distributionPoint,
                c.addedAt, c.addedBy);
    }
}
