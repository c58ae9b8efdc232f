package org.cqpsuite.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.Session;

/**
 * One relay of the outbox: reads unpublished rows in position order, sends them to Kafka with its own idempotent
 * producer and marks the acknowledged ones published, all inside one database transaction that holds the cluster-wide
 * relay lock. {@link OutboxRelay} drives one of these per service instance; tests create more to play a second
 * instance.
 *
 * <h2>One relay at a time</h2>
 * Each {@link #publishBatch()} transaction starts with {@code pg_try_advisory_xact_lock(RELAY_LOCK_KEY)}. Only the
 * transaction that gets it reads, sends and marks rows; the lock is released by its commit or rollback (also when the
 * instance dies: PostgreSQL ends the session). Another instance polling meanwhile does nothing. So rows are never
 * sent by two instances at once, and a batch is marked published before the next one is read.
 *
 * <h2>Order</h2>
 * Records go out in position order through one producer with {@code enable.idempotence=true} (the broker refuses a
 * sequence gap, and retries keep order). A row is marked published only if it and every row before it in the batch
 * were acknowledged. At the first failure the producer is closed at once from the send callback
 * ({@code close(Duration.ZERO)}, which Kafka documents as the way to stop further sends from a callback), so no later
 * record of the batch can be written after the failed one; the failed row and all after it stay unpublished and are
 * sent again, in order, by a new producer. Rows after the failed one that happened to be acknowledged are therefore
 * published twice: at-least-once, consumers deduplicate by {@code ce_id} or {@code ce_sequence}.
 *
 * <h2>Feed order</h2>
 * The rows marked published get their {@code feed_position} ({@link OutboxFeed}) in the same transaction, in the
 * order they were sent, from the sequence {@code outbox_event_feed_position_seq}. Feed positions committed later are
 * always greater than every feed position committed before, which is what lets a feed reader resume "after N"
 * without ever skipping a row:
 * <ul>
 * <li>only the holder of the relay lock draws numbers from the sequence and sets {@code feed_position} (nothing else
 * writes it; the V0_2 migration takes the same lock to number the rows published before it);</li>
 * <li>the lock is taken by the first statement of the batch transaction and is transaction-scoped: it is held while
 * the numbers are drawn, the rows are updated and the transaction commits, and PostgreSQL releases it only after the
 * commit is visible to other sessions. The next batch (of this relay or of another instance) can only get the lock
 * after that, so the numbers it draws, and the rows it commits, come after all those of the previous batch;</li>
 * <li>each batch commits all its feed positions at once, so a reader never sees part of a batch.</li>
 * </ul>
 * Positions cannot give this guarantee: they are assigned at insert, and across keys a row with a lower position can
 * commit, and be published, after a row with a higher one was already read.
 */
public final class OutboxPublisher implements AutoCloseable {

    /**
     * The bigint advisory lock key of the relay, the same in every instance of every service (each service has its own
     * database, so they never compete). It spells "cqp-outb" in ASCII.
     */
    public static final long RELAY_LOCK_KEY = 0x6371_702D_6F75_7462L;

    /** CloudEvents specification version ({@code ce_specversion}). */
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final OutboxConfig config;
    private final Map<String, Object> producerConfig;
    private final OutboxMetrics metrics;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;
    private int generation;

    /**
     * @param producerConfig the producer properties, see {@link #producerConfig(Map, OutboxConfig)}
     * @param clientId prefix of the producers' {@code client.id} (a counter is appended for each new producer)
     */
    OutboxPublisher(OutboxConfig config, Map<String, Object> producerConfig, OutboxMetrics metrics, String clientId) {
        this.config = config;
        this.producerConfig = Map.copyOf(producerConfig);
        this.metrics = metrics;
        this.clientId = clientId;
    }

    /** What one {@link #publishBatch()} did. */
    public record Result(boolean leader, int attempted, int published, Throwable failure, long pending) {

        static Result notLeader(long pending) {
            return new Result(false, 0, 0, null, pending);
        }
    }

    private record Sent(int attempted, int acknowledged, Throwable failure) {
    }

    /**
     * One relay transaction: takes the relay lock or returns at once; sends up to {@code cqp.outbox.batch-size}
     * unpublished rows in position order and marks the acknowledged prefix published; records the attempt and the
     * error on the others. Also refreshes the pending-rows gauge.
     *
     * @throws RuntimeException when the database fails (nothing is marked; rows already sent are sent again later)
     */
    public Result publishBatch() {
        int timeoutSeconds = (int) Math.max(30, 2 * config.sendTimeout().toSeconds() + 30);
        Result result = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(this::publishInTransaction);
        metrics.pending(result.pending());
        if (result.published() > 0) {
            metrics.published(result.published());
        }
        if (result.failure() != null) {
            metrics.failed();
        }
        return result;
    }

    private Result publishInTransaction() {
        EntityManager entityManager = OutboxEvent.getEntityManager();
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK_KEY)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return Result.notLeader(countPending(entityManager));
        }
        List<OutboxEvent> rows = entityManager.createQuery(
                "SELECT e FROM OutboxEvent e WHERE e.publishedAt IS NULL ORDER BY e.position", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return new Result(true, 0, 0, null, 0);
        }
        Sent sent = send(rows);
        // Still under the relay lock, committed with published_at (see "Feed order" above).
        List<Long> feedPositions = nextFeedPositions(entityManager, sent.acknowledged());
        markPublished(entityManager, rows.subList(0, sent.acknowledged()), feedPositions, Instant.now());
        // Rows sent but not acknowledged (a failure): through the entities, a rare path.
        for (int i = sent.acknowledged(); i < sent.attempted(); i++) {
            rows.get(i).attempts++;
        }
        if (sent.failure() != null && sent.acknowledged() < rows.size()) {
            rows.get(sent.acknowledged()).lastError = truncate(describe(sent.failure()));
        }
        entityManager.flush();
        return new Result(true, sent.attempted(), sent.acknowledged(), sent.failure(), countPending(entityManager));
    }

    /**
     * Marks the acknowledged rows published, each with its feed position, in one statement. Through the entities it
     * was one UPDATE and one round trip per row: Hibernate does not batch the updates of a {@code @DynamicUpdate}
     * entity. The entities in memory are left as read (unchanged, so no flush writes them again).
     */
    private static void markPublished(EntityManager entityManager, List<OutboxEvent> rows, List<Long> feedPositions,
            Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        UUID[] ids = rows.stream().map(row -> row.id).toArray(UUID[]::new);
        Long[] positions = feedPositions.toArray(Long[]::new);
        // JDBC for the array parameters: a collection parameter of a native query is expanded as a row, (?, ?, ...).
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement("""
                    UPDATE outbox_event AS o
                    SET published_at = ?, feed_position = v.feed_position, attempts = o.attempts + 1, last_error = NULL
                    FROM unnest(?::uuid[], ?::bigint[]) AS v(id, feed_position)
                    WHERE o.id = v.id""")) {
                mark.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                mark.setArray(2, connection.createArrayOf("uuid", ids));
                mark.setArray(3, connection.createArrayOf("bigint", positions));
                int marked = mark.executeUpdate();
                if (marked != ids.length) {
                    // Only the relay lock's holder marks rows: a row gone or marked meanwhile is a bug, not a race.
                    throw new IllegalStateException("Marked " + marked + " outbox rows published instead of "
                            + ids.length);
                }
            }
        });
    }

    /**
     * {@code count} new feed positions, ascending. Only the holder of the relay lock calls it, so they are consecutive
     * unless a relay transaction rolled back after drawing numbers (a gap, harmless to a reader resuming "after N").
     */
    private static List<Long> nextFeedPositions(EntityManager entityManager, int count) {
        if (count == 0) {
            return List.of();
        }
        List<?> values = entityManager
                .createNativeQuery("SELECT nextval('outbox_event_feed_position_seq') FROM generate_series(1, :count)")
                .setParameter("count", count)
                .getResultList();
        return values.stream().map(value -> ((Number) value).longValue()).sorted().toList();
    }

    private static long countPending(EntityManager entityManager) {
        return entityManager.createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.publishedAt IS NULL", Long.class)
                .getSingleResult();
    }

    /** Sends the rows in order and waits for their acknowledgements, stopping at the first failure. */
    private Sent send(List<OutboxEvent> rows) {
        KafkaProducer<String, String> current;
        try {
            current = producer();
        } catch (RuntimeException e) {
            // e.g. a wrong producer property: nothing was sent
            return new Sent(0, 0, e);
        }
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            if (failed.get()) {
                break;
            }
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                current.send(toRecord(row), (metadata, error) -> {
                    if (error == null) {
                        ack.complete(metadata);
                        return;
                    }
                    // Runs in the producer's I/O thread (or here, for a metadata timeout): closing with a zero timeout
                    // fails every record not yet written, so that none can be written after this one.
                    failed.set(true);
                    current.close(Duration.ZERO);
                    ack.completeExceptionally(error);
                });
            } catch (RuntimeException e) {
                // producer closed by a failed callback, interrupted at shutdown, serialization...
                failed.set(true);
                ack.completeExceptionally(e);
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(2);
        int acknowledged = 0;
        Throwable failure = null;
        for (CompletableFuture<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                failure = e.getCause();
                break;
            } catch (TimeoutException e) {
                failure = new TimeoutException("no acknowledgement within " + config.sendTimeout().toMillis() + " ms");
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        if (failure != null) {
            discardProducer();
        }
        return new Sent(acks.size(), acknowledged, failure);
    }

    /** The Kafka record of a row: key, JSON value and CloudEvents 1.0 binary-mode headers. */
    static ProducerRecord<String, String> toRecord(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", SPEC_VERSION);
        header(headers, "ce_id", row.id.toString());
        header(headers, "ce_type", row.eventType);
        header(headers, "ce_source", row.source);
        if (row.subject != null) {
            header(headers, "ce_subject", row.subject);
        }
        header(headers, "ce_time", row.occurredAt.toString());
        if (row.sequence != null) {
            header(headers, "ce_sequence", sequenceText(row.sequence));
        }
        header(headers, "content-type", CONTENT_TYPE);
        return new ProducerRecord<>(row.topic, null, row.messageKey, row.payload, headers);
    }

    /**
     * The CloudEvents sequence extension wants a lexicographically orderable string: the number in decimal,
     * zero-padded to 19 digits ({@code Long.parseLong} reads it back).
     */
    public static String sequenceText(long sequence) {
        return String.format("%019d", sequence);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            Map<String, Object> properties = new HashMap<>(producerConfig);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + ++generation);
            current = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
            producer = current;
        }
        return current;
    }

    private void discardProducer() {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    /** Makes a batch in progress fail at once (from another thread, at shutdown): nothing more is sent. */
    void abort() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    @Override
    public void close() {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * The relay's producer properties: the application's {@code kafka.*} properties that a producer knows
     * (bootstrap servers, security...), the relay's defaults, then {@code cqp.outbox.kafka.*}; idempotence and
     * {@code acks=all} always.
     */
    static Map<String, Object> producerConfig(Map<String, ?> applicationKafka, OutboxConfig config) {
        Set<String> known = ProducerConfig.configNames();
        Map<String, Object> properties = new HashMap<>();
        applicationKafka.forEach((name, value) -> {
            if (known.contains(name) && value != null) {
                properties.put(name, value);
            }
        });
        properties.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        long timeout = Math.max(1000, config.sendTimeout().toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout * 3 / 4));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.putAll(config.kafka());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        properties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        properties.remove(ProducerConfig.CLIENT_ID_CONFIG);
        return properties;
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
