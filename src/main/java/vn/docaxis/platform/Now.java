package vn.docaxis.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The current time at the precision PostgreSQL keeps, so an answer and a later read agree. */
public final class Now {

    private Now() {
    }

    /** Days in the API (query dates, receipts, exports) are days in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
