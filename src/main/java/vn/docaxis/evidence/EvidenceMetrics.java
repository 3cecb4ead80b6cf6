package vn.docaxis.evidence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What evidence costs and whether sealing keeps up: time spent recording inside the exchange's
 * transactions, time per sealed evidence (render, sign, hash), and how many wait to be sealed.
 */
@ApplicationScoped
public class EvidenceMetrics {

    @Inject
    MeterRegistry registry;

    private Timer recording;
    private Timer writing;
    private Timer sealing;
    private final AtomicLong pending = new AtomicLong();

    @PostConstruct
    void register() {
        recording = Timer.builder("docaxis.evidence.record").description("recording one evidence in its transaction")
                .register(registry);
        writing = Timer.builder("docaxis.evidence.write")
                .description("writing a transaction's evidence, in one batch before it commits").register(registry);
        sealing = Timer.builder("docaxis.evidence.seal").description("sealing one evidence: render, sign, hash")
                .register(registry);
        registry.gauge("docaxis.evidence.unsealed", pending);
    }

    void recorded(EvidenceEvent event, long nanos) {
        recording.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("docaxis.evidence.recorded").tag("event", event.name()).register(registry).increment();
    }

    void written(int count, long nanos) {
        writing.record(nanos, TimeUnit.NANOSECONDS);
    }

    void sealed(long nanos) {
        sealing.record(nanos, TimeUnit.NANOSECONDS);
    }

    void unsealed(long count) {
        pending.set(count);
    }
}
