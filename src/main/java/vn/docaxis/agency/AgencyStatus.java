package vn.docaxis.agency;

public enum AgencyStatus {
    /** Receives and sends documents. */
    ACTIVE,
    /** Kept with its history, but no longer a valid recipient. */
    SUSPENDED
}
