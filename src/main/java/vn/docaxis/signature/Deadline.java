package vn.docaxis.signature;

import java.time.Duration;

/** A time bound checked between steps of a verification; past it, the verification stops. */
final class Deadline {

    private final long end;
    private final Duration limit;

    Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    void check() {
        if (System.nanoTime() > end) {
            throw new LimitExceeded("verification took longer than " + limit);
        }
    }

    /** A bound of SignatureConfig.Limits was hit. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
