package vn.docaxis.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.docaxis.edxml.BusinessDocType;
import vn.docaxis.edxml.EdxmlPackage;
import vn.docaxis.security.Actor;

/**
 * Everything decided about a submission before anything is written: who receives it and what it
 * does to earlier deliveries. {@link PackageWriter} carries it out in one transaction.
 *
 * @param recipients every recipient named, accepted (no refusal) or refused with a reason
 * @param originalId the document a revoke, update, replacement or status refers to
 * @param status for a status package: its effect on the delivery it is about
 * @param recallFrom for a revoke: the original's deliveries asked to give the document back
 * @param originalEvent for an update or replacement: the event recorded on the original's deliveries
 */
record SubmissionPlan(EdxmlPackage content, SpooledBody body, Actor actor, String idempotencyKey, Instant receivedAt,
                      String sender, String documentId, BusinessDocType businessType, UUID originalId,
                      List<Recipient> recipients, StatusEffect status, List<UUID> recallFrom,
                      DeliveryEventType originalEvent, PackageVerifier.Verification verification) {

    /** One recipient: accepted when {@code refusal} is null. */
    record Recipient(String agencyCode, RecipientOutcome refusal) {
        boolean accepted() {
            return refusal == null;
        }
    }

    /** A status package's effect on the delivery of the document it reports on. */
    record StatusEffect(String code, String description, UUID targetDelivery) {
    }
}
