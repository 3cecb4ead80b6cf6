package vn.docaxis.exchange;

/** A recall (status 13 or a revoke package) as the recipient answered it. */
public enum RecallState {
    REQUESTED,
    /** Status 15. */
    AGREED,
    /** Status 16. */
    REFUSED
}
