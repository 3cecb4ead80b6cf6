package vn.docaxis.edxml;

/** The two kinds of edXML package. The wire names are those of the VDXP {@code messagetype}. */
public enum PackageKind implements WireCode {
    /** Gói tin văn bản: a document with its attachments. */
    DOCUMENT("edoc"),
    /** Gói tin trạng thái: a status report about an exchanged document. */
    STATUS("status");

    private final String wire;

    PackageKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
