package org.cqpsuite.eligibility.rebuild;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cqpsuite.eligibility.consumption.ApplyOutcome;
import org.cqpsuite.eligibility.consumption.EventParser;
import org.cqpsuite.eligibility.consumption.PoisonEventException;
import org.cqpsuite.eligibility.consumption.ReadModelChange;
import org.cqpsuite.eligibility.consumption.ReadModelWriter;
import org.cqpsuite.eligibility.readmodel.ReadModelNotifications;
import org.cqpsuite.eligibility.readmodel.ReadModelUnavailableException;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from scratch by replaying both topics from their beginning (they keep their history: see
 * the README). It empties the read model, notes the end of each partition, and reads every record up to there with a
 * consumer of its own (no group: it commits nothing and does not disturb the live consumers, which keep applying new
 * events meanwhile). The sequence numbers make the interleaving harmless: each certification ends with the state of
 * its newest event, whichever of the two applied it. Events published after the rebuild started are the live
 * consumers' business; events before it are all replayed, so the result equals a read model that consumed everything.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    static final List<String> TOPICS = List.of(CertificationEvents.TOPIC, RegistrationEvents.TOPIC);
    /** Below PostgreSQL's default {@code deadlock_timeout} (1 s): see {@link #truncateOnce()}. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);
    private static final Duration TRUNCATE_PATIENCE = Duration.ofSeconds(30);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK = "40P01";

    private final AgroalDataSource dataSource;
    private final ReadModelWriter writer;
    private final Clock clock;
    private final String bootstrapServers;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private volatile Thread worker;

    public ReadModelRebuild(AgroalDataSource dataSource, ReadModelWriter writer, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /**
     * Empties the read model and starts replaying in the background.
     *
     * @throws ProblemException 409 when a rebuild is already running
     */
    public synchronized RebuildStatus start() {
        if (status.get().running()) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is already running since "
                    + status.get().startedAt() + "; follow it at GET /read-model.");
        }
        Instant startedAt = clock.instant();
        KafkaConsumer<String, String> consumer = consumer();
        try {
            truncate();
            List<TopicPartition> partitions = partitions(consumer);
            // The end offsets are read after the read model was emptied: every event applied before is below them.
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long target = 0;
            for (TopicPartition partition : partitions) {
                target += ends.get(partition) - consumer.beginningOffsets(List.of(partition)).get(partition);
            }
            RebuildStatus running = RebuildStatus.running(startedAt, target, 0, 0, 0, startedAt);
            status.set(running);
            LOG.infof("Rebuilding the read model: replaying %d records of %s", target, TOPICS);
            Thread thread = new Thread(() -> replay(consumer, ends, running), "read-model-rebuild");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
            return running;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Blocks until the running rebuild (if any) is over, at most {@code timeout}; returns the status. */
    public RebuildStatus await(Duration timeout) throws InterruptedException {
        Thread running = worker;
        if (running != null) {
            running.join(timeout.toMillis());
        }
        return status.get();
    }

    private void replay(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends, RebuildStatus start) {
        long read = 0;
        long applied = 0;
        long poison = 0;
        String error = null;
        // One poll is applied while the next is fetched and parsed: the database and this thread work at the same
        // time (in turn, each waited for the other). Batches are still applied one at a time, in order.
        ExecutorService applier = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "read-model-rebuild-apply");
            thread.setDaemon(true);
            return thread;
        });
        Future<Long> applying = null;
        try (consumer) {
            while (!reachedEnd(consumer, ends)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped");
                }
                List<ReadModelChange> changes = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                    if (end == null || record.offset() >= end) {
                        continue; // after the rebuild started: the live consumers apply it
                    }
                    read++;
                    try {
                        changes.add(EventParser.parse(record));
                    } catch (PoisonEventException e) {
                        poison++;
                    }
                }
                if (applying != null) {
                    applied += applied(applying);
                }
                applying = changes.isEmpty() ? null : applier.submit(() -> applyBatch(changes));
                status.set(RebuildStatus.running(start.startedAt(), start.target(), read, applied, poison,
                        clock.instant()));
            }
            if (applying != null) {
                applied += applied(applying);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e, "The rebuild of the read model failed after %d records", read);
        } finally {
            applier.shutdownNow();
        }
        RebuildStatus done = RebuildStatus.running(start.startedAt(), start.target(), read, applied, poison,
                clock.instant()).finished(clock.instant(), error);
        status.set(done);
        LOG.infof("Rebuild of the read model %s: %d records replayed, %d applied, %d poison skipped, %.1f events/s",
                done.state(), read, applied, poison, done.eventsPerSecond());
    }

    /** What {@code applying} applied, once it is over; its failure as this thread's. */
    private static long applied(Future<Long> applying) throws Exception {
        try {
            return applying.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Applies one poll's changes in one transaction, retried while the database is unavailable. */
    private long applyBatch(List<ReadModelChange> changes) throws InterruptedException {
        if (changes.isEmpty()) {
            return 0;
        }
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(
                        () -> writer.applyAll(changes).stream().filter(ApplyOutcome::applied).count());
            } catch (RuntimeException e) {
                LOG.warnf("Rebuild: could not apply a batch of %d events, retrying in %d ms: %s", changes.size(),
                        pause.toMillis(), e.getMessage());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : pause.multipliedBy(2);
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void truncate() {
        Duration pause = Duration.ofMillis(50);
        Instant giveUp = clock.instant().plus(TRUNCATE_PATIENCE);
        while (true) {
            try {
                truncateOnce();
                return;
            } catch (SQLException e) {
                boolean lockWait = LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState());
                if (!lockWait || clock.instant().isAfter(giveUp)) {
                    throw new ReadModelUnavailableException(e);
                }
                LOG.debugf("Rebuild: the read model's tables are busy, emptying them again in %d ms: %s",
                        pause.toMillis(), e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                        : pause.multipliedBy(2);
            }
        }
    }

    /**
     * One attempt at emptying every table. TRUNCATE takes its exclusive locks one table after the other, in the order
     * the live consumer's transactions take theirs ({@code applied_event} first, see {@link ReadModelWriter}). A
     * reader's statement may still lock them in another order (the checksum reads {@code certification} before
     * {@code applied_event}); the short lock timeout makes the TRUNCATE give up and retry before PostgreSQL's deadlock
     * detector (1 s) aborts one side, so neither the reader nor the rebuild fails (a CI run met that deadlock: the
     * rebuild answered 503).
     */
    private void truncateOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            try {
                // One statement: it waits for the transactions in flight, then empties everything at once.
                statement.execute("TRUNCATE applied_event, certification, transmission_record, registration, "
                        + "topic_progress");
            } finally {
                statement.execute("RESET lock_timeout");
            }
            // Every instance's cache forgets everything (delivered now: the connection commits each statement).
            statement.execute("NOTIFY " + ReadModelNotifications.CHANNEL + ", '" + ReadModelNotifications.EVERYTHING
                    + "'");
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelUnavailableException(e);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Larger polls than the live consumers': fewer, larger transactions while replaying everything.
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "eligibility-service-rebuild");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    @PreDestroy
    void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
