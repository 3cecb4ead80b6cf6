package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Everything the axis checked about a package's signatures, kept with it forever.
 *
 * @param verdict ACCEPTED or REFUSED
 * @param reasons package-level findings (policy), besides those of each signature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(String verdict, String sender, Instant receivedAt, EnvelopeReport envelope,
                                 List<AttachmentReport> attachments, List<Reason> reasons) {
}
