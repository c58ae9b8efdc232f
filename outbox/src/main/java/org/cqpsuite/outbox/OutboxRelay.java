package org.cqpsuite.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay on one background thread ({@code cqp-outbox-relay}), never in the writer's thread: it
 * is woken right after each commit that appended events, and polls every {@code cqp.outbox.poll-interval} as a
 * fallback (events appended by another instance, a wake-up that found the relay lock taken). Each run publishes
 * batches ({@link OutboxPublisher#publishBatch()}) until the outbox is drained; after a failure it retries after a
 * backoff (doubling from {@code cqp.outbox.min-backoff} to {@code cqp.outbox.max-backoff}; wake-ups and polls wait
 * for it too, except that a commit ends a backoff caused by the database) and logs one warning, then at most one a
 * minute while it keeps failing, and one line when publication works again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final OutboxConfig config;
    private final Map<String, Object> applicationKafka;
    private final OutboxMetrics metrics;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile OutboxPublisher publisher;
    private volatile boolean stopping;

    /** A commit that appended events since the last failure: the database works again (see {@link #relay()}). */
    private final AtomicBoolean committedSinceFailure = new AtomicBoolean();

    // relay thread only
    private int consecutiveFailures;
    private boolean backingOff;
    private boolean databaseFailure;
    private long retryAtNanos;
    private long lastWarningNanos;

    public OutboxRelay(OutboxConfig config, @Identifier("default-kafka-broker") Map<String, Object> applicationKafka,
            OutboxMetrics metrics) {
        this.config = config;
        this.applicationKafka = applicationKafka;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.infof("Outbox relay disabled (cqp.outbox.relay.enabled=false): events are appended, not published");
            return;
        }
        publisher = newPublisher("cqp-outbox-relay");
        ScheduledExecutorService relayThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cqp-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor = relayThread;
        relayThread.scheduleWithFixedDelay(this::relay, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Outbox relay started: events to topic %s, source %s, poll every %d ms", config.topic(),
                config.source(), config.pollInterval().toMillis());
    }

    /** A relay publisher with this application's producer configuration (a second one plays another instance). */
    OutboxPublisher newPublisher(String clientId) {
        return new OutboxPublisher(config, OutboxPublisher.producerConfig(applicationKafka, config), metrics, clientId);
    }

    /** Called after the commit of a transaction that appended events: publish now rather than at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended event) {
        committedSinceFailure.set(true);
        wakeUp();
    }

    /** Asks the relay thread to run now (returns at once; several calls before it runs make one run). */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current == null || stopping || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeQueued.set(false);
                relay();
            });
        } catch (RejectedExecutionException shuttingDown) {
            wakeQueued.set(false);
        }
    }

    /** Publishes batches until the outbox is drained, this instance is not the relay, or a batch fails. */
    private void relay() {
        try {
            while (!stopping) {
                // A backoff after a database failure ends at the first commit: it proves the database is back, and
                // the events would otherwise wait up to max-backoff after an outage. A broker failure keeps its
                // backoff: commits say nothing about the broker.
                if (backingOff && System.nanoTime() - retryAtNanos < 0
                        && !(databaseFailure && committedSinceFailure.getAndSet(false))) {
                    return;
                }
                OutboxPublisher.Result result = publisher.publishBatch();
                if (result.failure() != null) {
                    databaseFailure = false;
                    failed(result.failure(), result.pending());
                    return;
                }
                succeeded();
                if (!result.leader() || result.attempted() < config.batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                databaseFailure = causedBySql(e);
                failed(e, metrics.pending());
            }
        }
    }

    private static boolean causedBySql(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private void failed(Throwable error, long pending) {
        if (stopping) {
            return;
        }
        committedSinceFailure.set(false);
        consecutiveFailures++;
        long min = Math.max(1, config.minBackoff().toMillis());
        long backoff = Math.min(config.maxBackoff().toMillis(), min << Math.min(consecutiveFailures - 1, 20));
        backingOff = true;
        long now = System.nanoTime();
        retryAtNanos = now + TimeUnit.MILLISECONDS.toNanos(backoff);
        ScheduledExecutorService current = executor;
        if (current != null) {
            // retry at the end of the backoff, without waiting for the next poll or append
            try {
                current.schedule(this::relay, backoff, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // stopping
            }
        }
        if (consecutiveFailures == 1 || now - lastWarningNanos >= WARNING_INTERVAL_NANOS) {
            lastWarningNanos = now;
            LOG.warnf("Outbox relay cannot publish to %s (%d events pending, %d failed attempts in a row), next "
                    + "attempt in %d ms: %s", config.topic(), pending, consecutiveFailures, backoff,
                    OutboxPublisher.describe(error));
        } else {
            LOG.debugf(error, "Outbox relay attempt %d failed", consecutiveFailures);
        }
    }

    private void succeeded() {
        if (consecutiveFailures > 0) {
            LOG.infof("Outbox relay publishes to %s again after %d failed attempts", config.topic(),
                    consecutiveFailures);
        }
        consecutiveFailures = 0;
        backingOff = false;
    }

    void stop(@Observes ShutdownEvent event) {
        shutdown();
    }

    /** Stops polling, lets a batch in progress finish for a moment, then aborts it; closes the producer. */
    @PreDestroy
    void shutdown() {
        stopping = true;
        ScheduledExecutorService current = executor;
        executor = null;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(2, TimeUnit.SECONDS)) {
                publisher.abort();
                current.shutdownNow();
                current.awaitTermination(config.sendTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publisher.close();
        }
        LOG.debug("Outbox relay stopped");
    }
}
