package vn.docaxis.system;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Registers a connected system. It acts for each agency in {@code agencies}, and for each agency in
 * {@code subtrees} together with all its descendants.
 */
public record SystemRequest(
        @NotBlank @Size(max = 64) String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) List<@NotBlank String> agencies,
        @Size(max = 1000) List<@NotBlank String> subtrees,
        Boolean agencyAdmin) {
}
