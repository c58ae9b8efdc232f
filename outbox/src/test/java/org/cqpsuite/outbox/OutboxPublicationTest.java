package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.outbox.OutboxTestSupport.TOPIC;
import static org.cqpsuite.outbox.OutboxTestSupport.header;
import static org.cqpsuite.outbox.OutboxTestSupport.kafka;
import static org.cqpsuite.outbox.OutboxTestSupport.newKey;
import static org.cqpsuite.outbox.OutboxTestSupport.row;
import static org.cqpsuite.outbox.OutboxTestSupport.rowsOfKey;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/** The change and its event commit together; the relay publishes the event once, as a CloudEvent, right after. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbox"))
class OutboxPublicationTest {

    @Inject
    CertificationWriter writer;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void aCommittedEventIsPublishedOnceWithItsKeyCloudEventsHeadersAndPayload() {
        String key = newKey("CQP");
        double publishedBefore = registry.get("cqp.outbox.published").counter().count();

        OutboxEvent appended = writer.create(key, "Agent de propreté");

        // The poll interval of the tests is 30 s: publication within seconds is the after-commit wake-up.
        await().atMost(Duration.ofSeconds(10)).until(() -> row(appended.id).isPublished());
        // Ask for 2 and wait: a duplicate would show up.
        List<ConsumerRecord<String, String>> records = kafka().readKey(TOPIC, key, 2, Duration.ofSeconds(4));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo("{\"id\":\"" + key + "\",\"label\":\"Agent de propreté\",\"version\":1}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(appended.id.toString());
        assertThat(header(record, "ce_type")).isEqualTo(CertificationWriter.CREATED);
        assertThat(header(record, "ce_source")).isEqualTo("/cqp-suite/outbox-test");
        assertThat(header(record, "ce_subject")).isEqualTo(key);
        assertThat(header(record, "ce_time")).isEqualTo(appended.occurredAt.toString());
        assertThat(header(record, "ce_sequence")).isEqualTo("0000000000000000001");
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        OutboxEvent published = row(appended.id);
        assertThat(published.topic).isEqualTo(TOPIC);
        assertThat(published.position).isNotNull();
        assertThat(published.attempts).isEqualTo(1);
        assertThat(published.lastError).isNull();
        assertThat(published.publishedAt).isBetween(appended.occurredAt, Instant.now());
        assertThat(published.feedPosition).isPositive();
        assertThat(registry.get("cqp.outbox.published").counter().count()).isGreaterThan(publishedBefore);
        TestCertification certification = QuarkusTransaction.requiringNew()
                .call(() -> TestCertification.<TestCertification>findById(key));
        assertThat(certification.label).isEqualTo("Agent de propreté");
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String rolledBack = newKey("CQP-RB");
        assertThatThrownBy(() -> writer.createThenFail(rolledBack, "jamais publié"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rowsOfKey(rolledBack)).isZero();
        TestCertification notWritten = QuarkusTransaction.requiringNew()
                .call(() -> TestCertification.<TestCertification>findById(rolledBack));
        assertThat(notWritten).isNull();

        // An event committed afterwards is published: the relay has gone past where the rolled-back one would be.
        OutboxEvent later = writer.create(newKey("CQP-AFTER-RB"), "publié");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(later.id).isPublished());
        assertThat(kafka().readKey(TOPIC, rolledBack, 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aBurstLargerThanARelayBatchIsPublishedRightAfterItsCommitOnceAndInOrderPerKey() {
        List<String> keys = List.of(newKey("BURST-A"), newKey("BURST-B"), newKey("BURST-C"), newKey("BURST-D"),
                newKey("BURST-E"));
        int renames = config.batchSize() / keys.size() + 9;

        // One transaction, more events than a relay batch, keys interleaved: one append per event, one lock per key.
        List<OutboxEvent> rows = writer.burst(keys, renames);

        // The poll interval of the tests is 30 s: all of it within seconds is the wake-up draining batch after batch.
        List<java.util.UUID> ids = rows.stream().map(row -> row.id).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> OutboxTestSupport.publishedCount(ids) == ids.size());
        List<ConsumerRecord<String, String>> records = OutboxTestSupport.readUntilDistinct(
                java.util.Set.copyOf(keys), ids.size(), Duration.ofSeconds(30));
        Map<String, Long> last = new java.util.HashMap<>();
        keys.forEach(key -> last.put(key, (long) renames + 1));
        OutboxTestSupport.assertPerKeyOrder(records, last);
        assertThat(records).as("each event once").hasSize(ids.size());
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        String key = newKey("CQP-NOTX");
        assertThatThrownBy(() -> outbox.append(NewEvent.of(key, CertificationWriter.CREATED, 1, "{}")))
                .isInstanceOf(TransactionalException.class);
        assertThat(rowsOfKey(key)).isZero();
    }

    @Test
    void theSameSequenceTwiceForOneKeyIsRefusedAtCommit() {
        String key = newKey("CQP-DUP");
        writer.create(key, "v1");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> outbox.append(NewEvent.of(key, CertificationWriter.RENAMED, 1, "{}"))))
                .hasStackTraceContaining("outbox_event_key_sequence_uq");
        assertThat(rowsOfKey(key)).isOne();
    }

    @Test
    void writersOfOneKeyAreSerializedSoThatPositionsFollowTheirCommitOrder() throws Exception {
        String key = newKey("CQP-SERIAL");
        String otherKey = newKey("CQP-OTHER");
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<OutboxEvent> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                OutboxEvent event = outbox.append(NewEvent.of(key, CertificationWriter.CREATED, 1, "{\"n\":1}"));
                firstAppended.countDown();
                commitFirst.await(20, TimeUnit.SECONDS);
                return event;
            }));
            assertThat(firstAppended.await(10, TimeUnit.SECONDS)).isTrue();
            Future<OutboxEvent> second = threads.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(NewEvent.of(key, CertificationWriter.RENAMED, 2, "{\"n\":2}"))));
            Future<OutboxEvent> otherKeyEvent = threads.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(NewEvent.of(otherKey, CertificationWriter.CREATED, 1, "{}"))));
            // Another key is not held up; the same key waits for the first transaction to end.
            otherKeyEvent.get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(second.isDone()).isFalse();
            commitFirst.countDown();
            OutboxEvent firstEvent = row(first.get(10, TimeUnit.SECONDS).id);
            OutboxEvent secondEvent = row(second.get(10, TimeUnit.SECONDS).id);
            assertThat(secondEvent.position).isGreaterThan(firstEvent.position);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void keysLockedTogetherHoldUpAWriterOfAnyOfThemUntilTheCommitAndNoOther() throws Exception {
        String key = newKey("CQP-MANY");
        // Any string is a key: the locks are taken through a real array, not a list spliced into the SQL.
        String oddKey = newKey("CQP,\"odd\" {key}");
        String otherKey = newKey("CQP-NOT-LOCKED");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<OutboxEvent> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                outbox.lockKeys(List.of(oddKey, key, key));
                locked.countDown();
                commitFirst.await(20, TimeUnit.SECONDS);
                return outbox.append(NewEvent.of(key, CertificationWriter.CREATED, 1, "{\"n\":1}"));
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<OutboxEvent> second = threads.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(NewEvent.of(key, CertificationWriter.RENAMED, 2, "{\"n\":2}"))));
            Future<OutboxEvent> odd = threads.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(NewEvent.of(oddKey, CertificationWriter.CREATED, 1, "{}"))));
            threads.submit(() -> QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(NewEvent.of(otherKey, CertificationWriter.CREATED, 1, "{}"))))
                    .get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(second.isDone()).as("a writer of a locked key waits").isFalse();
            assertThat(odd.isDone()).as("a writer of the other locked key waits").isFalse();
            commitFirst.countDown();
            OutboxEvent firstEvent = row(first.get(10, TimeUnit.SECONDS).id);
            OutboxEvent secondEvent = row(second.get(10, TimeUnit.SECONDS).id);
            assertThat(secondEvent.position).isGreaterThan(firstEvent.position);
            assertThat(row(odd.get(10, TimeUnit.SECONDS).id).messageKey).isEqualTo(oddKey);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void anEventIsValidatedBeforeItIsWritten() {
        assertThatThrownBy(() -> NewEvent.of(" ", CertificationWriter.CREATED, 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewEvent("k", CertificationWriter.CREATED, null, -1L, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        String key = newKey("CQP-BIG");
        String tooBig = "\"" + "x".repeat(config.maxPayloadBytes()) + "\"";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> outbox.append(NewEvent.of(key, CertificationWriter.CREATED, 1, tooBig))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cqp.outbox.max-payload-bytes");
        assertThat(rowsOfKey(key)).isZero();
    }

    @Test
    void theProducerIsIdempotentWithAcksAllAndTakesTheApplicationsKafkaSettings() {
        Map<String, Object> producer = OutboxPublisher.producerConfig(Map.of(
                "bootstrap.servers", "broker:9092",
                "security.protocol", "SSL",
                "group.id", "a-consumer-setting",
                "acks", "1",
                "enable.idempotence", "false"), config);
        assertThat(producer)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                // from cqp.outbox.kafka.linger.ms in the test configuration
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "1")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .doesNotContainKey("group.id");
        assertThat(config.source()).isEqualTo("/cqp-suite/outbox-test");
    }
}
