package vn.docaxis.exchange;

/** What can happen to a delivery; its timeline is a list of these. */
public enum DeliveryEventType {
    MADE_AVAILABLE,
    FETCHED,
    ACK_DONE,
    ACK_FAIL,
    FAILED,
    /** A business status (01…06, 15, 16) reported by the recipient. */
    STATUS,
    RECALL_REQUESTED,
    RECALL_AGREED,
    RECALL_REFUSED,
    /** An update package amended the document. */
    UPDATED,
    /** A replacement package replaced the document. */
    REPLACED,
    OVERDUE
}
