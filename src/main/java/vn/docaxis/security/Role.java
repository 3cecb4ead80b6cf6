package vn.docaxis.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a principal may do. People hold admin, auditor or clerk; connected systems hold system. */
public enum Role {
    /** Manages agencies, systems, users and trust material; reads everything. */
    ADMIN("admin"),
    /** Reads everything, changes nothing. */
    AUDITOR("auditor"),
    /** Sees the documents of the agencies it is bound to. */
    CLERK("clerk"),
    /** A connected system: acts for the agencies in its scope. Never held by a person. */
    SYSTEM("system");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value == null ? null : value.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + value + "'"));
    }

    public boolean forPeople() {
        return this != SYSTEM;
    }
}
