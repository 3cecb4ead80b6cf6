package vn.docaxis.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Evidence recorded and committed, not yet sealed: milliseconds after its transaction, as a rule. */
@Entity
@Table(name = "evidence_pending")
public class PendingEvidence extends RecordedEvidence {
}
