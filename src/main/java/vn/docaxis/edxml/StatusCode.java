package vn.docaxis.edxml;

/** {@code StatusCode} of a status package. Codes 07–12 and 14 are not seen in use and are refused. */
public enum StatusCode implements WireCode {
    /** Đã đến: the software received it, the clerk has not processed it. */
    ARRIVED("01", Direction.TO_SENDER, "Đã đến"),
    /** Từ chối tiếp nhận. */
    REFUSED("02", Direction.TO_SENDER, "Từ chối tiếp nhận"),
    /** Accepted and registered in the incoming-documents book. */
    ACCEPTED("03", Direction.TO_SENDER, "Đã tiếp nhận"),
    ASSIGNED("04", Direction.TO_SENDER, "Phân công"),
    IN_PROGRESS("05", Direction.TO_SENDER, "Đang xử lý"),
    COMPLETED("06", Direction.TO_SENDER, "Hoàn thành"),
    /** The sender asks the recipient to give the document back (recall), with a reason. */
    RECALL_REQUEST("13", Direction.TO_RECIPIENT, "Lấy lại"),
    /** The recipient agrees to an update or recall request. */
    CHANGE_AGREED("15", Direction.TO_SENDER, "Đồng ý"),
    /** The recipient refuses an update or recall request. */
    CHANGE_REFUSED("16", Direction.TO_SENDER, "Từ chối");

    /** Who reports to whom. */
    public enum Direction {
        /** A recipient of the document reports to its sender. */
        TO_SENDER,
        /** The sender of the document addresses one of its recipients. */
        TO_RECIPIENT
    }

    private final String wire;
    private final Direction direction;
    private final String vietnamese;

    StatusCode(String wire, Direction direction, String vietnamese) {
        this.wire = wire;
        this.direction = direction;
        this.vietnamese = vietnamese;
    }

    /** The status's name in QCVN 102 (Vietnamese), for people. */
    public String vietnamese() {
        return vietnamese;
    }

    @Override
    public String wire() {
        return wire;
    }

    public Direction direction() {
        return direction;
    }
}
