package vn.docaxis.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.docaxis.edxml.PackageKind;
import vn.docaxis.platform.ErrorCode;

/** What operators watch: accepted and refused packages, acknowledgements, overdue deliveries. */
@ApplicationScoped
public class ExchangeMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicLong overdue = new AtomicLong();

    @PostConstruct
    void register() {
        registry.gauge("docaxis.deliveries.overdue", overdue);
    }

    void accepted(PackageKind kind) {
        Counter.builder("docaxis.packages.accepted").tag("kind", kind.wire()).register(registry).increment();
    }

    void refused(ErrorCode code) {
        Counter.builder("docaxis.packages.refused").tag("code", code.name()).register(registry).increment();
    }

    void acknowledged(String result) {
        Counter.builder("docaxis.deliveries.acknowledged").tag("result", result).register(registry).increment();
    }

    /**
     * The time an accepted submission spent in one stage: {@code read} (parse, decode, validate),
     * {@code check} (sender, replays, recipients), {@code verify} (signatures), {@code store}
     * (write and commit). Where a slow axis spends its submissions' time.
     */
    void stage(String stage, long nanos) {
        Timer.builder("docaxis.submission.stage").tag("stage", stage)
                .description("time an accepted submission spent in one stage").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Pending deliveries flagged overdue, as counted by the last scan. */
    void overdue(long count) {
        overdue.set(count);
    }
}
