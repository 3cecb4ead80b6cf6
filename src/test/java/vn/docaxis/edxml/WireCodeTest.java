package vn.docaxis.edxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireCodeTest {

    @Test
    void everyValueRoundTripsThroughItsWireCode() {
        roundTrip(BusinessDocType.class);
        roundTrip(StatusCode.class);
        roundTrip(Priority.class);
        roundTrip(SteeringType.class);
        roundTrip(ReceiverType.class);
        roundTrip(PackageKind.class);
    }

    @Test
    void theCodeListsAreThoseOfTheStandard() {
        assertEquals(List.of("0", "1", "2", "3"), List.of(BusinessDocType.values()).stream().map(WireCode::wire).toList());
        assertEquals(List.of("01", "02", "03", "04", "05", "06", "13", "15", "16"),
                List.of(StatusCode.values()).stream().map(WireCode::wire).toList());
        assertEquals(StatusCode.Direction.TO_RECIPIENT, StatusCode.RECALL_REQUEST.direction());
        assertTrue(List.of(StatusCode.values()).stream().filter(c -> c != StatusCode.RECALL_REQUEST)
                .allMatch(c -> c.direction() == StatusCode.Direction.TO_SENDER));
        for (String unseen : List.of("07", "08", "09", "10", "11", "12", "14", "1", "001")) {
            assertEquals(Optional.empty(), WireCode.fromWire(StatusCode.class, unseen), unseen);
        }
    }

    private static <E extends Enum<E> & WireCode> void roundTrip(Class<E> type) {
        Set<String> seen = new HashSet<>();
        for (E value : type.getEnumConstants()) {
            assertTrue(seen.add(value.wire()), "duplicate wire code in " + type.getSimpleName());
            assertEquals(Optional.of(value), WireCode.fromWire(type, value.wire()));
            assertEquals(Optional.of(value), WireCode.fromWire(type, " " + value.wire() + "\n"), "surrounding space");
        }
    }
}
