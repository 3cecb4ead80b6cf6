package vn.docaxis.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Pending deliveries flagged overdue, as counted by the last scan. */
    void overdue(long count) {
        overdue.set(count);
    }
}
