package vn.docaxis.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp, a counter, and 62 random bits. Ordered by creation
 * time, so that "oldest first" is "ordered by id" and index pages fill in order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private Ids() {
    }

    public static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = RANDOM.nextInt(1 << 10); // room to count within the millisecond
        } else if (++counter > 0xFFF) {
            lastMillis++; // borrow the next millisecond rather than repeat an id
            counter = 0;
        }
        long msb = (lastMillis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
