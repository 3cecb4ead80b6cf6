package vn.docaxis.edxml;

/** {@code ReceiverList/Receiver/ReceiverType} of an update: the recipient list changes. */
public enum ReceiverType implements WireCode {
    REMOVED("0"), ADDED("1");

    private final String wire;

    ReceiverType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
