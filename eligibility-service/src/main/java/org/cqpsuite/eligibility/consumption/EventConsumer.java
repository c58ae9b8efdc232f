package org.cqpsuite.eligibility.consumption;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes both topics into the read model, one poll (batch) at a time. Delivery is at least once (offsets are
 * committed, throttled, only after the batch was applied); {@link ReadModelWriter} makes each event apply exactly once
 * in effect, and applies a batch with a few statements, which is what lets the read model keep up with an import.
 *
 * <p>Two kinds of failure are told apart. A poison event ({@link PoisonEventException}: unparseable, unknown type,
 * breaking the contract) is sent to the dead-letter topic ({@code cqp.eligibility.dead-letter}, with the reason in its
 * {@code dead-letter-reason} header, see {@link DeadLetters}) and the rest of its batch is applied. A failure of the
 * database or of the broker is not the event's fault: it is retried, with a growing pause, until it is back; the
 * partitions wait meanwhile, so order is kept and nothing goes to the dead-letter topic by mistake.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final ReadModelWriter writer;
    private final DeadLetters deadLetters;
    private final ConsumptionMetrics metrics;
    private final Duration maxPause;

    public EventConsumer(ReadModelWriter writer, DeadLetters deadLetters, ConsumptionMetrics metrics,
            @ConfigProperty(name = "cqp.consumer.max-retry-pause", defaultValue = "5s") Duration maxPause) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.maxPause = maxPause;
    }

    @Incoming("certification-events")
    @Blocking
    public void certificationEvents(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("registration-events")
    @Blocking
    public void registrationEvents(ConsumerRecords<String, String> records) {
        consume(records);
    }

    void consume(Iterable<ConsumerRecord<String, String>> records) {
        List<ReadModelChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                changes.add(EventParser.parse(record));
            } catch (PoisonEventException e) {
                untilDone("send a poison event of " + record.topic() + " to the dead-letter topic", record.topic(),
                        () -> {
                            deadLetters.send(record, e.getMessage());
                            return null;
                        });
                metrics.deadLettered(record.topic());
                LOG.warnf("Poison event at %s-%d@%d (key %s) sent to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), record.key(), e.getMessage());
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        List<ApplyOutcome> outcomes = untilDone("apply " + changes.size() + " event(s)", changes.get(0).topic(),
                () -> writer.applyAll(changes));
        for (int i = 0; i < changes.size(); i++) {
            ReadModelChange change = changes.get(i);
            metrics.record(change, outcomes.get(i));
            if (outcomes.get(i) == ApplyOutcome.APPLIED_AFTER_GAP) {
                LOG.warnf("Gap in %s for certification %s: applied #%d after a missing event; its full state was "
                        + "applied, so the read model is right, but an event was lost upstream or the topic was "
                        + "compacted", change.topic(), change.certificationId(), change.sequence());
            }
        }
    }

    /** Work that fails only because the database or the broker is away. */
    private interface Attempt<T> {
        T run() throws Exception;
    }

    private <T> T untilDone(String what, String topic, Attempt<T> attempt) {
        Duration pause = Duration.ofMillis(100);
        for (int attempts = 1;; attempts++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("Stopped while trying to " + what, e);
                }
                LOG.warnf("Could not %s (attempt %d), retrying in %d ms: %s", what, attempts, pause.toMillis(),
                        rootMessage(e));
                metrics.retried(topic);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Stopped while trying to " + what, e);
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
