package vn.docaxis.edxml;

import java.util.Arrays;
import java.util.Optional;

/** A closed vocabulary of the format: each value has the code written on the wire. */
public interface WireCode {

    String wire();

    static <E extends Enum<E> & WireCode> Optional<E> fromWire(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String w = wire.strip();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(w)).findFirst();
    }
}
