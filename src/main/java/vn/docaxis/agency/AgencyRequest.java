package vn.docaxis.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registers an agency. {@code parentCode} may be omitted: it is derived from a QCVN 102 code. */
public record AgencyRequest(
        @NotBlank @Size(max = AgencyCode.MAX_LENGTH) String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = AgencyCode.MAX_LENGTH) String parentCode,
        @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z.\\-]+") String qd20Code,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[0-9+() .\\-]*") String phone) {
}
