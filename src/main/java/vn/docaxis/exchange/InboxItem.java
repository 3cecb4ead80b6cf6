package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import vn.docaxis.edxml.PackageKind;

/** A delivery waiting in a recipient's inbox. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxItem(UUID deliveryId, UUID packageId, PackageKind kind, String sender, String recipient,
                        String documentId, String codeNumber, String codeNotation, String subject, String statusCode,
                        Instant madeAvailableAt, int failCount, int fetchCount, long size, String sha256,
                        Instant overdueAt, String href) {
}
