package vn.docaxis.exchange;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The recipient system's transport acknowledgement: it processed the package ({@code done}) or could not ({@code fail}). */
public record AckRequest(@NotNull @Pattern(regexp = "done|fail") String result, @Size(max = 1000) String reason) {

    boolean done() {
        return "done".equals(result);
    }
}
