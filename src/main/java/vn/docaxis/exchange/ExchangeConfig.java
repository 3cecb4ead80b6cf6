package vn.docaxis.exchange;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "docaxis.exchange")
public interface ExchangeConfig {

    /** Largest package accepted, in bytes (base64 attachments included). */
    @WithDefault("104857600")
    long maxPackageBytes();

    /** After this many {@code fail} acknowledgements a delivery is FAILED and the sender sees it. */
    @WithDefault("5")
    int maxFailedAttempts();

    /** A delivery not acknowledged {@code done} within this time is flagged overdue. */
    @WithDefault("PT24H")
    Duration overdueAfter();

    /** How often the overdue scan runs (one instance at a time does the work). */
    @WithDefault("60s")
    String overdueScanEvery();

    /**
     * Retention: the bytes of a package received this many days ago whose every copy was
     * delivered (or recalled) are purged; metadata, verification reports and evidence stay, and
     * the evidence's hashes still prove what was sent. Empty: bytes are kept forever.
     */
    Optional<Integer> purgeBytesAfterDays();

    /** How often retention runs. */
    @WithDefault("1h")
    String retentionEvery();

    /** Where incoming packages are spooled while they are read; default: the system temp directory. */
    Optional<Path> spoolDir();

    /** Accept status codes 07–12 and 14, seen nowhere in use (EDXML.md); refused by default. */
    @WithDefault("false")
    boolean acceptUnseenStatusCodes();

    /** Most deliveries one inbox page returns. */
    @WithDefault("500")
    int maxInboxPage();
}
