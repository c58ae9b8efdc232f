package org.cqpsuite.eligibility.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Prometheus counters of the consumption: {@code cqp_eligibility_events_total{topic, outcome}} (applied,
 * applied_after_gap, duplicate, stale), {@code cqp_eligibility_gaps_total{topic}},
 * {@code cqp_eligibility_dead_lettered_total{topic}} and {@code cqp_eligibility_apply_retries_total{topic}}.
 */
@ApplicationScoped
public class ConsumptionMetrics {

    private final MeterRegistry registry;

    public ConsumptionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ReadModelChange change, ApplyOutcome outcome) {
        Counter.builder("cqp.eligibility.events").description("Events read from the topics, by outcome")
                .tag("topic", change.topic()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (outcome == ApplyOutcome.APPLIED_AFTER_GAP) {
            Counter.builder("cqp.eligibility.gaps").description("Events applied after a gap in the sequence numbers")
                    .tag("topic", change.topic()).register(registry).increment();
        }
    }

    void deadLettered(String topic) {
        Counter.builder("cqp.eligibility.dead.lettered").description("Poison events sent to the dead-letter topic")
                .tag("topic", topic).register(registry).increment();
    }

    void retried(String topic) {
        Counter.builder("cqp.eligibility.apply.retries")
                .description("Failed attempts to apply an event (database unavailable), retried")
                .tag("topic", topic).register(registry).increment();
    }
}
