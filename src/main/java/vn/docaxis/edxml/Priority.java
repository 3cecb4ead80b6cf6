package vn.docaxis.edxml;

/** {@code OtherInfo/Priority} (độ khẩn). */
public enum Priority implements WireCode {
    NORMAL("0"), URGENT("1"), VERY_URGENT("2"), EXPRESS("3"), EXPRESS_WITH_DEADLINE("4");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
