package vn.docaxis.edxml;

/** {@code SteeringType}: whether the document steers (chỉ đạo). */
public enum SteeringType implements WireCode {
    NOT_STEERING("1"), STEERING("2"), REPORT_ON_STEERING("3");

    private final String wire;

    SteeringType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
