package vn.docaxis.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision PostgreSQL keeps, so an answer and a later read agree. */
public final class Now {

    private Now() {
    }

    public static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
