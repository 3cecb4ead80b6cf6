package vn.docaxis.edxml;

import java.util.Optional;

/** The {@code MessageHeader} of a status package. */
public record StatusHeader(Organization from, ResponseFor responseFor, StaffInfo staffInfo, String statusCode,
                           String description, String timestamp) {

    public Optional<StatusCode> code() {
        return WireCode.fromWire(StatusCode.class, statusCode);
    }
}
