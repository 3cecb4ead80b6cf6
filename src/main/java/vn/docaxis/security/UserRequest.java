package vn.docaxis.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Creates a person's account. A clerk must be bound to at least one agency. */
public record UserRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 200) String password,
        @NotEmpty List<Role> roles,
        @Size(max = 1000) List<@NotBlank String> agencies,
        @Size(max = 200) String displayName) {
}
