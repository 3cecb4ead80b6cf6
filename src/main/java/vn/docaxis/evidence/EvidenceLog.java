package vn.docaxis.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.jboss.logging.Logger;

/**
 * Records evidence in the transaction of the state change it proves: both commit or neither.
 * Sealing (sequence, previous hash, signature) follows right after the commit, in batches, so
 * that the global chain never serialises the exchange's own transactions.
 */
@ApplicationScoped
public class EvidenceLog {

    private static final Logger LOG = Logger.getLogger(EvidenceLog.class);
    /** Marks a transaction whose commit already wakes the sealer. */
    private static final Object NUDGE = new Object();

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EvidenceSealer sealer;

    @Transactional(TxType.MANDATORY)
    public void record(EvidenceFacts facts) {
        EvidenceRecord r = new EvidenceRecord();
        r.event = facts.event().name();
        r.occurredAt = facts.at();
        if (facts.pkg() != null) {
            r.packageId = facts.pkg().id();
            r.originalId = facts.pkg().originalId();
        }
        r.deliveryId = facts.delivery() == null ? null : facts.delivery().id();
        r.agencies = facts.agencies().stream().map(EvidenceFacts.Party::code).distinct().toArray(String[]::new);
        r.facts = write(facts);
        r.persist();
        if (transactions.getResource(NUDGE) == null) {
            transactions.putResource(NUDGE, Boolean.TRUE);
            nudgeAfterCommit();
        }
    }

    /**
     * A refusal's evidence, in its own transaction: the refused work rolls back, this must not.
     * A failure to write is logged and does not hide the refusal from the caller.
     */
    public void recordAlone(EvidenceFacts facts) {
        try {
            recordInNewTransaction(facts);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record %s evidence: %s", facts.event(), e.getMessage());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    void recordInNewTransaction(EvidenceFacts facts) {
        record(facts);
    }

    private void nudgeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sealer.nudge();
                }
            }
        });
    }

    private String write(EvidenceFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
