package org.cqpsuite.eligibility.consumption;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes both topics into the read model. Delivery is at least once (offsets are committed, throttled, only after
 * the record was applied); {@link ReadModelWriter} makes each event apply exactly once in effect.
 *
 * <p>Two kinds of failure are told apart. A poison event ({@link PoisonEventException}: unparseable, unknown type,
 * breaking the contract) is nacked, so the connector sends it to the dead-letter topic
 * ({@code cqp.eligibility.dead-letter}, with the reason in its {@code dead-letter-reason} header) and goes on. A
 * failure of the database is not the event's fault: it is retried, with a growing pause, until the database is back;
 * the partition waits meanwhile, so order is kept and nothing goes to the dead-letter topic by mistake.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final ReadModelWriter writer;
    private final ConsumptionMetrics metrics;
    private final Duration maxPause;

    public EventConsumer(ReadModelWriter writer, ConsumptionMetrics metrics,
            @ConfigProperty(name = "cqp.consumer.max-retry-pause", defaultValue = "5s") Duration maxPause) {
        this.writer = writer;
        this.metrics = metrics;
        this.maxPause = maxPause;
    }

    @Incoming("certification-events")
    @Blocking
    public void certificationEvent(ConsumerRecord<String, String> record) throws PoisonEventException {
        consume(record);
    }

    @Incoming("registration-events")
    @Blocking
    public void registrationEvent(ConsumerRecord<String, String> record) throws PoisonEventException {
        consume(record);
    }

    void consume(ConsumerRecord<String, String> record) throws PoisonEventException {
        ReadModelChange change;
        try {
            change = EventParser.parse(record);
        } catch (PoisonEventException e) {
            metrics.deadLettered(record.topic());
            LOG.warnf("Poison event at %s-%d@%d (key %s) sent to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            throw e;
        }
        ApplyOutcome outcome = applyUntilDone(change);
        metrics.record(change, outcome);
        if (outcome == ApplyOutcome.APPLIED_AFTER_GAP) {
            LOG.warnf("Gap in %s for certification %s: applied #%d after a missing event; its full state was "
                    + "applied, so the read model is right, but an event was lost upstream or the topic was compacted",
                    change.topic(), change.certificationId(), change.sequence());
        }
    }

    private ApplyOutcome applyUntilDone(ReadModelChange change) {
        Duration pause = Duration.ofMillis(100);
        for (int attempt = 1;; attempt++) {
            try {
                return writer.apply(change);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("Could not apply %s #%d of %s (attempt %d), retrying in %d ms: %s", change.type(),
                        change.sequence(), change.certificationId(), attempt, pause.toMillis(), rootMessage(e));
                metrics.retried(change.topic());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
