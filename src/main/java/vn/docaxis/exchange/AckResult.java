package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AckResult(UUID deliveryId, DeliveryState state, int failCount, Instant ackedAt) {
}
