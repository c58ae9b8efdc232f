package org.cqpsuite.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of the outbox (Prometheus names in brackets):
 * <ul>
 * <li>{@code cqp.outbox.pending} [{@code cqp_outbox_pending}]: unpublished rows, counted at every relay poll;</li>
 * <li>{@code cqp.outbox.published} [{@code cqp_outbox_published_total}]: records acknowledged by the broker and
 * marked published by this instance;</li>
 * <li>{@code cqp.outbox.publish.failures} [{@code cqp_outbox_publish_failures_total}]: failed relay batches.</li>
 * </ul>
 */
// Created at start, so that the meters are scraped (at 0) before the first event, not only after it.
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;

    public OutboxMetrics(MeterRegistry registry) {
        Gauge.builder("cqp.outbox.pending", pending, AtomicLong::doubleValue)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
        published = Counter.builder("cqp.outbox.published")
                .description("Outbox events published to Kafka (acknowledged with acks=all)")
                .register(registry);
        failures = Counter.builder("cqp.outbox.publish.failures")
                .description("Outbox relay batches that failed (broker down, timeout, rejected record)")
                .register(registry);
    }

    void pending(long count) {
        pending.set(count);
    }

    public long pending() {
        return pending.get();
    }

    void published(int count) {
        published.increment(count);
    }

    void failed() {
        failures.increment();
    }
}
