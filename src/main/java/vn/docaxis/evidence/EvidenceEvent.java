package vn.docaxis.evidence;

/** What an evidence proves. The names are the XML's {@code Event} values. */
public enum EvidenceEvent {
    /** The axis durably stored a package and its verification report (axis acceptance). */
    SUBMISSION_ACCEPTED,
    /** The axis refused a package; the reason codes say why. Nothing else was stored. */
    SUBMISSION_REFUSED,
    /** A recipient agency can fetch its copy. */
    MADE_AVAILABLE,
    /** The recipient's system fetched its copy and acknowledged it {@code done}. */
    RETRIEVED,
    /** The recipient's system acknowledged {@code fail}; final when the retry limit is reached. */
    RETRIEVAL_FAILED,
    /** A business status (01…06) reported by the recipient agency reached the sender's side. */
    STATUS_RELAYED,
    /** The sender asked to recall a document (revoke package or status 13). */
    RECALL_REQUESTED,
    /** The recipient agreed to the recall (15): its copy can no longer be fetched. */
    RECALL_AGREED,
    /** The recipient refused the recall (16). */
    RECALL_REFUSED,
    /** A copy was not retrieved in time. */
    OVERDUE,
    /** An admin changed an agency, a connected system, a user or the trust material. */
    ADMIN_CHANGE
}
