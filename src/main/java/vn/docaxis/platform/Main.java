package vn.docaxis.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * The service's entry point ({@code java -jar quarkus-run.jar}): settings that must be in place
 * before Quarkus starts Netty, then Quarkus.
 *
 * <p>Netty's pooled allocator gives each of its threads a cache of freed buffers. Quarkus's
 * request workers are such threads, and every response a worker writes goes out through buffers
 * of that allocator; so each worker kept what its downloads freed (up to 256 buffers of each small
 * size, 64 of each larger one). With 2 MB packages the direct memory (Native Memory Tracking's
 * "Other") grew from 10 to about 50 MB with 28 workers, and to 132 MB with 81 (64 recipients'
 * systems), which took the service to 637 MB, over its 600 MB target. Without the caches a freed
 * buffer goes back to its arena at once: 22 and 44 MB, and 560 MB. An operator's own
 * {@code -Dio.netty.allocator.*} settings are kept.
 */
@QuarkusMain
public class Main { // Quarkus makes it a bean: no private constructor

    /** Netty's per-thread cache sizes, set to none unless the operator chose otherwise. */
    private static final List<String> THREAD_CACHE_SIZES = List.of("io.netty.allocator.smallCacheSize",
            "io.netty.allocator.normalCacheSize");

    public static void main(String... args) {
        for (String property : THREAD_CACHE_SIZES) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "0");
            }
        }
        Quarkus.run(args);
    }
}
