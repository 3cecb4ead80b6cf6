package vn.docaxis.exchange;

/** Transport state of one delivery (the second acknowledgement level). */
public enum DeliveryState {
    /** Made available, not yet acknowledged done: it is in the recipient's inbox. */
    PENDING,
    /** The recipient's system fetched it and acknowledged {@code done}. */
    DELIVERED,
    /** Acknowledged {@code fail} too many times; the sender sees it. */
    FAILED,
    /** The sender recalled the document and the recipient agreed: the copy is gone from the axis. */
    RECALLED
}
