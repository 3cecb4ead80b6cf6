package vn.docaxis.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** The work gate ({@link WorkGate}): how many requests do their work at once, and how long one may wait. */
@ConfigMapping(prefix = "docaxis.work")
public interface WorkConfig {

    /** Requests doing their CPU and database work at once; default twice the processors. */
    OptionalInt concurrency();

    /** Longest a request waits for its turn before it is refused with 503 SERVICE_BUSY. */
    @WithDefault("30s")
    Duration queueTimeout();
}
