package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;

/**
 * A package and, per recipient the caller may see, where its copy stands and everything that
 * happened to it. {@code refusedRecipients} is shown to the sender's side only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageDetail(UUID packageId, PackageKind kind, String sender, String documentId, String codeNumber,
                            String codeNotation, String subject, LocalDate promulgationDate, BusinessDocType businessType,
                            String statusCode, UUID originalPackageId, List<Related> relatedPackages, String sha256,
                            long size, Instant receivedAt, String verification, String submittedBy,
                            List<RecipientTrack> recipients, List<RecipientOutcome> refusedRecipients, JsonNode header) {

    /** A later package that refers to this one: a revoke, update, replacement or status. */
    public record Related(UUID packageId, PackageKind kind, BusinessDocType businessType, String statusCode,
                          String sender, Instant receivedAt) {
    }

    /** One recipient's copy: transport state, business status, recall, and its timeline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecipientTrack(String agencyCode, UUID deliveryId, DeliveryState state, int failCount,
                                 Instant madeAvailableAt, Instant firstFetchedAt, int fetchCount, Instant ackedAt,
                                 String businessStatus, Instant businessStatusAt, RecallState recallState,
                                 Instant overdueAt, List<TimelineEntry> timeline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(Instant at, DeliveryEventType type, String statusCode, String description, String actor,
                                UUID packageId) {
    }
}
