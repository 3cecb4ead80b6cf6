package vn.docaxis.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.security.AdminChange;

/** Every admin change of agencies, systems, users and trust material becomes evidence too. */
@ApplicationScoped
public class AdminEvidence {

    @Inject
    EvidenceLog log;

    @Inject
    ObjectMapper json;

    void onChange(@Observes AdminChange change) {
        List<EvidenceFacts.Party> agencies = "agency".equals(change.targetType()) && change.targetId() != null
                && AgencyCode.isValid(change.targetId())
                ? List.of(new EvidenceFacts.Party("SUBJECT", change.targetId())) : List.of();
        log.record(new EvidenceFacts(EvidenceEvent.ADMIN_CHANGE, change.at(),
                EvidenceFacts.Actor.of(change.actor()), agencies, null, null, null,
                null, new EvidenceFacts.ChangeFacts(change.action(), change.targetType(), change.targetId(),
                detail(change)), null));
    }

    private String detail(AdminChange change) {
        if (change.detail() == null || change.detail().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(change.detail());
        } catch (JsonProcessingException e) {
            return change.detail().toString();
        }
    }
}
