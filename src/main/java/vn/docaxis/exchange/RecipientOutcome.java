package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What became of one recipient of a submitted package: ACCEPTED with its delivery, or REFUSED
 * with a reason code (INVALID_AGENCY_CODE, UNKNOWN_RECIPIENT, RECIPIENT_SUSPENDED,
 * NOT_A_RECIPIENT_OF_ORIGINAL).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipientOutcome(String agencyCode, String outcome, UUID deliveryId, String code, String reason) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REFUSED = "REFUSED";

    static RecipientOutcome accepted(String agencyCode, UUID deliveryId) {
        return new RecipientOutcome(agencyCode, ACCEPTED, deliveryId, null, null);
    }

    static RecipientOutcome refused(String agencyCode, String code, String reason) {
        return new RecipientOutcome(agencyCode, REFUSED, null, code, reason);
    }

    boolean isAccepted() {
        return ACCEPTED.equals(outcome);
    }
}
