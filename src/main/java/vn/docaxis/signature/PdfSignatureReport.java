package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One signature of a PDF.
 *
 * @param coverage WHOLE_FILE, or REVISION when later revisions follow (then {@code revision} says which)
 * @param trustedSigningTime from a validated RFC 3161 timestamp only; otherwise absent
 * @param validationTime the time the certificates were validated at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PdfSignatureReport(String field, String subFilter, String kind, List<Long> byteRange, String coverage,
                                 int revision, int revisions, SignerView signer, String digestAlgorithm,
                                 String signatureAlgorithm, Instant claimedSigningTime, Instant trustedSigningTime,
                                 Instant validationTime, List<String> chain, String chainStatus, String revocationStatus,
                                 Outcome outcome, List<Reason> reasons) {
}
