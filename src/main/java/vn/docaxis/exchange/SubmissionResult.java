package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;

/**
 * The axis's answer to a submission (axis acceptance, the first acknowledgement level). Kept with
 * the package and returned again, unchanged, to a resubmission of the same bytes.
 *
 * @param relatesTo for a status: the delivery of the document it is about; for a revoke, update
 *                  or replacement: absent (see {@code originalPackageId})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionResult(UUID packageId, PackageKind kind, String sender, String documentId,
                               BusinessDocType businessType, String statusCode, UUID originalPackageId,
                               UUID relatesTo, String sha256, long size, Instant receivedAt, String verification,
                               List<RecipientOutcome> recipients, Map<String, String> links,
                               @JsonIgnore boolean replayed) {

    SubmissionResult asReplay() {
        return new SubmissionResult(packageId, kind, sender, documentId, businessType, statusCode, originalPackageId,
                relatesTo, sha256, size, receivedAt, verification, recipients, links, true);
    }
}
