package vn.docaxis.edxml;

/** {@code Bussiness/BussinessDocType}: what a document package does. */
public enum BusinessDocType implements WireCode {
    NEW("0"),
    /** Thu hồi: take back an earlier document from its recipients. */
    REVOKE("1"),
    /** Cập nhật: amend an earlier document, possibly its recipient list. */
    UPDATE("2"),
    /** Thay thế: replace an earlier document. */
    REPLACE("3");

    private final String wire;

    BusinessDocType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Whether the package refers to an earlier document. */
    public boolean refersToOriginal() {
        return this != NEW;
    }
}
