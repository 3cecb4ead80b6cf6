package vn.docaxis.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.docaxis.edxml.Attachment;
import vn.docaxis.evidence.EvidenceEvent;
import vn.docaxis.evidence.EvidenceFacts;
import vn.docaxis.evidence.EvidenceFacts.DeliveryFacts;
import vn.docaxis.evidence.EvidenceFacts.PackageFacts;
import vn.docaxis.evidence.EvidenceFacts.Party;
import vn.docaxis.evidence.EvidenceFacts.StatusFacts;
import vn.docaxis.evidence.EvidenceLog;
import vn.docaxis.platform.ProblemException;
import vn.docaxis.security.Actor;

/**
 * Turns the exchange's state changes into evidence, each in the transaction that makes the
 * change. Fetching alone changes no state and proves nothing the acknowledgement does not.
 */
@ApplicationScoped
public class ExchangeEvidence {

    @Inject
    EvidenceLog log;

    /** Axis acceptance of a package, with the hash of every attachment it carried. */
    void accepted(StoredPackage p, SubmissionPlan plan, List<Delivery> deliveries) {
        List<Party> agencies = new ArrayList<>();
        agencies.add(Party.sender(p.senderCode));
        deliveries.forEach(d -> agencies.add(Party.recipient(d.recipientCode)));
        List<EvidenceFacts.AttachmentFact> attachments = plan.content().attachments().stream()
                .map(ExchangeEvidence::attachment).toList();
        StatusFacts status = plan.status() == null ? null
                : new StatusFacts(plan.status().code(), plan.status().description());
        log.record(new EvidenceFacts(EvidenceEvent.SUBMISSION_ACCEPTED, p.receivedAt, actor(plan.actor()), agencies,
                facts(p, attachments), null, status, null, null, null));
    }

    /**
     * A refused submission: the problem's code and, for a signature refusal, every error reason
     * code of the report. Recorded in its own transaction, since the refused work rolls back.
     */
    void refused(Actor actor, Instant at, ProblemException problem, String sha256, Long size, String sender,
                 String documentId) {
        List<EvidenceFacts.ReasonFact> reasons = new ArrayList<>();
        reasons.add(new EvidenceFacts.ReasonFact(problem.code().name(), problem.detail()));
        Object report = problem.extensions().get("report");
        if (report instanceof JsonNode tree) {
            Set<String> codes = new LinkedHashSet<>();
            collectErrorCodes(tree, codes);
            codes.forEach(c -> reasons.add(new EvidenceFacts.ReasonFact(c, null)));
        }
        List<Party> agencies = sender == null ? List.of() : List.of(Party.sender(sender));
        PackageFacts pkg = new PackageFacts(null, null, null, documentId, null, null, null, sha256, size, null, null, null);
        log.recordAlone(new EvidenceFacts(EvidenceEvent.SUBMISSION_REFUSED, at, actor(actor), agencies, pkg, null, null,
                reasons, null, null));
    }

    private static void collectErrorCodes(JsonNode node, Set<String> codes) {
        if (node.isObject() && node.path("code").isTextual() && "ERROR".equals(node.path("severity").asText())) {
            codes.add(node.get("code").asText());
        }
        node.forEach(child -> collectErrorCodes(child, codes));
    }

    void madeAvailable(StoredPackage p, Delivery d, Actor actor, Instant at) {
        delivery(EvidenceEvent.MADE_AVAILABLE, p, d, actor(actor), at, null, null);
    }

    void retrieved(StoredPackage p, Delivery d, Actor actor, Instant at, String reason) {
        delivery(EvidenceEvent.RETRIEVED, p, d, actor(actor), at, null, reason);
    }

    /** A {@code fail} acknowledgement; {@code finalFailure} when it exhausted the attempts. */
    void retrievalFailed(StoredPackage p, Delivery d, Actor actor, Instant at, String reason, boolean finalFailure) {
        String detail = "attempt " + d.failCount + (finalFailure ? ", final: the copy is FAILED" : "")
                + (reason == null || reason.isBlank() ? "" : "; " + reason);
        delivery(EvidenceEvent.RETRIEVAL_FAILED, p, d, actor(actor), at, null, detail);
    }

    /** Not retrieved in time: the axis's own finding. */
    void overdue(StoredPackage p, Delivery d, Instant at) {
        long hours = Duration.between(d.madeAvailableAt, at).toHours();
        delivery(EvidenceEvent.OVERDUE, p, d, EvidenceFacts.Actor.AXIS, at, null,
                "not acknowledged done " + hours + " h after it was made available");
    }

    /**
     * A status package's effect on the delivery it reports on; {@code cause} is the status (or
     * revoke) package. Statuses 13, 15 and 16 are the recall's steps, the others business statuses.
     */
    void statusEffect(StoredPackage cause, Delivery target, Actor actor, Instant at, DeliveryEventType effect, String code,
                      String description) {
        EvidenceEvent event = switch (effect) {
            case RECALL_REQUESTED -> EvidenceEvent.RECALL_REQUESTED;
            case RECALL_AGREED -> EvidenceEvent.RECALL_AGREED;
            case RECALL_REFUSED -> EvidenceEvent.RECALL_REFUSED;
            default -> EvidenceEvent.STATUS_RELAYED;
        };
        StatusFacts status = new StatusFacts(code, description);
        log.record(new EvidenceFacts(event, at, actor(actor), parties(target), facts(cause, null),
                new DeliveryFacts(target.id, target.recipientCode), status, null, null, null));
    }

    /** A revoke package asked a recipient to give its copy back. */
    void recallRequested(StoredPackage revoke, Delivery target, Actor actor, Instant at, String reason) {
        log.record(new EvidenceFacts(EvidenceEvent.RECALL_REQUESTED, at, actor(actor), parties(target),
                facts(revoke, null), new DeliveryFacts(target.id, target.recipientCode), null, null, null, reason));
    }

    private void delivery(EvidenceEvent event, StoredPackage p, Delivery d, EvidenceFacts.Actor actor, Instant at,
                          StatusFacts status, String detail) {
        log.record(new EvidenceFacts(event, at, actor, parties(d), facts(p, null),
                new DeliveryFacts(d.id, d.recipientCode), status, null, null, detail));
    }

    private static List<Party> parties(Delivery d) {
        return List.of(Party.sender(d.senderCode), Party.recipient(d.recipientCode));
    }

    static PackageFacts facts(StoredPackage p, List<EvidenceFacts.AttachmentFact> attachments) {
        return new PackageFacts(p.id, p.kind.name(), p.businessType == null ? null : p.businessType.name(),
                p.documentId, p.codeNumber, p.codeNotation, p.subject, p.sha256, p.size, p.verification,
                p.originalId, attachments);
    }

    private static EvidenceFacts.AttachmentFact attachment(Attachment a) {
        String name = a.attachmentName() != null ? a.attachmentName() : a.contentId();
        return new EvidenceFacts.AttachmentFact(name == null ? "" : name, a.size(), a.sha256());
    }

    private static EvidenceFacts.Actor actor(Actor actor) {
        return EvidenceFacts.Actor.of(actor);
    }
}
