package vn.docaxis.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Replaces an agency's details; the code never changes. Absent optional fields are cleared. */
public record AgencyUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = AgencyCode.MAX_LENGTH) String parentCode,
        @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z.\\-]+") String qd20Code,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[0-9+() .\\-]*") String phone) {

    static AgencyUpdate of(AgencyRequest r) {
        return new AgencyUpdate(r.name(), r.parentCode(), r.qd20Code(), r.email(), r.phone());
    }
}
