package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.PackageKind;

/** A line of a search result: the package and the state of each copy the caller may see. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageSummary(UUID packageId, PackageKind kind, String sender, String documentId, String codeNumber,
                             String codeNotation, String subject, BusinessDocType businessType, String statusCode,
                             Instant receivedAt, List<CopyState> recipients) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CopyState(String agencyCode, UUID deliveryId, DeliveryState state, String businessStatus,
                            RecallState recallState, Instant overdueAt) {
    }
}
