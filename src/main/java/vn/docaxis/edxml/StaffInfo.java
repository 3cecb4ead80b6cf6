package vn.docaxis.edxml;

/** {@code StaffInfo}: the clerk who handled it. */
public record StaffInfo(String department, String staff, String mobile, String email) {
}
