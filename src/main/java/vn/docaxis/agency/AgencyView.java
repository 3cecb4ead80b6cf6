package vn.docaxis.agency;

import java.time.Instant;
import java.util.List;

/** An agency as admins and auditors see it. */
public record AgencyView(String code, String name, String parentCode, String qd20Code, String email, String phone,
                         AgencyStatus status, boolean legacy, List<String> certificateFingerprints,
                         Instant createdAt, Instant updatedAt) {
}
