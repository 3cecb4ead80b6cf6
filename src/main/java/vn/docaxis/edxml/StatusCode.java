package vn.docaxis.edxml;

/** {@code StatusCode} of a status package. Codes 07–12 and 14 are not seen in use and are refused. */
public enum StatusCode implements WireCode {
    /** Đã đến: the software received it, the clerk has not processed it. */
    ARRIVED("01", Direction.TO_SENDER),
    /** Từ chối tiếp nhận. */
    REFUSED("02", Direction.TO_SENDER),
    /** Accepted and registered in the incoming-documents book. */
    ACCEPTED("03", Direction.TO_SENDER),
    ASSIGNED("04", Direction.TO_SENDER),
    IN_PROGRESS("05", Direction.TO_SENDER),
    COMPLETED("06", Direction.TO_SENDER),
    /** The sender asks the recipient to give the document back (recall), with a reason. */
    RECALL_REQUEST("13", Direction.TO_RECIPIENT),
    /** The recipient agrees to an update or recall request. */
    CHANGE_AGREED("15", Direction.TO_SENDER),
    /** The recipient refuses an update or recall request. */
    CHANGE_REFUSED("16", Direction.TO_SENDER);

    /** Who reports to whom. */
    public enum Direction {
        /** A recipient of the document reports to its sender. */
        TO_SENDER,
        /** The sender of the document addresses one of its recipients. */
        TO_RECIPIENT
    }

    private final String wire;
    private final Direction direction;

    StatusCode(String wire, Direction direction) {
        this.wire = wire;
        this.direction = direction;
    }

    @Override
    public String wire() {
        return wire;
    }

    public Direction direction() {
        return direction;
    }
}
