package vn.docaxis.system;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Replaces a system's name and scope; the id never changes and the secret changes by rotation. */
public record SystemUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) List<@NotBlank String> agencies,
        @Size(max = 1000) List<@NotBlank String> subtrees,
        Boolean agencyAdmin) {
}
