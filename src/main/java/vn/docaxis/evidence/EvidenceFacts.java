package vn.docaxis.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one evidence states, before it is sealed into the chain. Unused parts are null (or empty).
 *
 * @param agencies every agency involved, with its role (SENDER, RECIPIENT)
 * @param detail a short explanation in words (e.g. the acknowledgement's reason)
 */
public record EvidenceFacts(EvidenceEvent event, Instant at, Actor actor, List<Party> agencies, PackageFacts pkg,
                            DeliveryFacts delivery, StatusFacts status, List<ReasonFact> reasons, ChangeFacts change,
                            String detail) {

    public EvidenceFacts {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The caller, or the axis itself for its own work (overdue scans). */
    public record Actor(String kind, String name) {
        public static final Actor AXIS = new Actor("AXIS", "docaxis");

        public static Actor of(vn.docaxis.security.Actor caller) {
            return new Actor(caller.kind().name(), caller.name());
        }
    }

    public record Party(String role, String code) {
        public static Party sender(String code) {
            return new Party("SENDER", code);
        }

        public static Party recipient(String code) {
            return new Party("RECIPIENT", code);
        }
    }

    /**
     * The package concerned. {@code codeNumber}, {@code codeNotation} and {@code subject} are the
     * document's (for receipts); {@code originalId} is the document a revoke, update, replacement
     * or status refers to.
     */
    public record PackageFacts(UUID id, String kind, String businessType, String documentId, String codeNumber,
                               String codeNotation, String subject, String sha256, Long size, String verification,
                               UUID originalId, List<AttachmentFact> attachments) {
        public PackageFacts {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    public record AttachmentFact(String name, long size, String sha256) {
    }

    public record DeliveryFacts(UUID id, String recipient) {
    }

    public record StatusFacts(String code, String description) {
    }

    public record ReasonFact(String code, String text) {
    }

    /** An admin change, as the audit trail records it. */
    public record ChangeFacts(String action, String targetType, String targetId, String detail) {
    }
}
