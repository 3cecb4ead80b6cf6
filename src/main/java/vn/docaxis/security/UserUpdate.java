package vn.docaxis.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Replaces a person's roles, agencies and display name; the password changes separately. */
public record UserUpdate(
        @NotEmpty List<Role> roles,
        @Size(max = 1000) List<@NotBlank String> agencies,
        @Size(max = 200) String displayName) {
}
