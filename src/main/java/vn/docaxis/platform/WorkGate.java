package vn.docaxis.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests do their CPU and database work at once. Requests are many (every connected
 * system polls; uploads and downloads wait on slow networks) and need a thread each; but two
 * cores running thirty parses, verifications and transactions at once spend their time switching
 * and contending, and every request ends later. So the work itself waits its turn here, first come
 * first served, and a request waits at most {@code docaxis.work.queue-timeout} before it is refused
 * with 503 and Retry-After. Reentrant: a bounded step calling another holds one place.
 */
@ApplicationScoped
@Startup // a wrong docaxis.work.concurrency stops the start, not the first request; the metrics exist from the start
public class WorkGate {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Inject
    WorkConfig config;

    @Inject
    MeterRegistry registry;

    private Semaphore places;
    private int size;
    private Timer waits;

    @PostConstruct
    void init() {
        size = config.concurrency().orElse(Runtime.getRuntime().availableProcessors() * 2);
        if (size < 1) {
            throw new IllegalStateException("docaxis.work.concurrency must be at least 1, not " + size);
        }
        places = new Semaphore(size, true);
        Gauge.builder("docaxis.work.active", this::active)
                .description("requests doing their work now").register(registry);
        Gauge.builder("docaxis.work.queued", places::getQueueLength)
                .description("requests waiting for a place to do their work").register(registry);
        waits = Timer.builder("docaxis.work.wait").description("time a request waited for a place").register(registry);
    }

    public int size() {
        return size;
    }

    /** Places taken now. */
    public int active() {
        return size - places.availablePermits();
    }

    public <T> T call(Callable<T> work) throws Exception {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return nested(work, depth);
        }
        long start = System.nanoTime();
        boolean granted;
        try {
            granted = places.tryAcquire(config.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!granted) {
            throw busy();
        }
        try {
            return nested(work, depth);
        } finally {
            places.release();
        }
    }

    private static <T> T nested(Callable<T> work, int[] depth) throws Exception {
        depth[0]++;
        try {
            return work.call();
        } finally {
            depth[0]--;
        }
    }

    private ProblemException busy() {
        return new ProblemException(ErrorCode.SERVICE_BUSY, "The axis has more work waiting than it can start within "
                + config.queueTimeout().toSeconds() + " s; retry shortly");
    }
}
