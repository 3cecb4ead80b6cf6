package vn.docaxis.vdxp;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The VDXP-compatible endpoint. */
@ConfigMapping(prefix = "docaxis.vdxp")
public interface VdxpConfig {

    /**
     * Refuse requests whose {@code XroadVnpt-timestamp} is further than this from the axis clock.
     * Off by default: the SDK fixes its timestamp once, when the client object is created, and
     * reuses it for the life of the process, so a window would refuse real clients.
     */
    Optional<Duration> timestampWindow();
}
