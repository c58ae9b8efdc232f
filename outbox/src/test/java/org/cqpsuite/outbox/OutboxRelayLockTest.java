package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.outbox.OutboxTestSupport.header;
import static org.cqpsuite.outbox.OutboxTestSupport.newKey;
import static org.cqpsuite.outbox.OutboxTestSupport.publishedCount;
import static org.cqpsuite.outbox.OutboxTestSupport.row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Several relays share one database, as two (or more) instances of a service do: the PostgreSQL advisory lock lets
 * one relay at a time read, send and mark, so no event is sent twice and each key stays in order.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbox"))
class OutboxRelayLockTest {

    @Inject
    CertificationWriter writer;

    @Inject
    OutboxRelay relay;

    @Test
    void whileAnotherInstanceHoldsTheRelayLockNothingIsPublished() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> holderFailure = new AtomicReference<>();
        // "Another instance" in the middle of its relay transaction.
        Thread holder = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    OutboxEvent.getEntityManager()
                            .createNativeQuery("SELECT true FROM pg_advisory_xact_lock(:key)")
                            .setParameter("key", OutboxPublisher.RELAY_LOCK_KEY)
                            .getSingleResult();
                    locked.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                holderFailure.set(e);
                locked.countDown();
            }
        }, "other-instance-relay");
        holder.start();
        OutboxEvent event;
        try (OutboxPublisher second = relay.newPublisher("test-second-instance")) {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(holderFailure.get()).isNull();

            event = writer.create(newKey("CQP-LOCKED"), "en attente");
            OutboxPublisher.Result result = second.publishBatch();
            assertThat(result.leader()).isFalse();
            assertThat(result.published()).isZero();
            assertThat(result.pending()).isGreaterThanOrEqualTo(1);
            // The application's own relay was woken by the commit, and is locked out too.
            Thread.sleep(1500);
            assertThat(row(event.id).isPublished()).isFalse();
            assertThat(row(event.id).attempts).isZero();
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> row(event.id).isPublished());
    }

    @Test
    void threeRelaysRunningTogetherPublishEachEventOnceAndInPerKeyOrder() throws Exception {
        int keysCount = 4;
        int eventsPerKey = 15;
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < keysCount; k++) {
            keys.add(newKey("CQP-RELAYS-" + k));
        }
        List<UUID> ids = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger publishedByOthers = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        // Two more relays (the application's own is the third), each with its own producer, polling as fast as they
        // can while a writer commits events.
        List<Thread> others = new ArrayList<>();
        List<OutboxPublisher> publishers = List.of(relay.newPublisher("test-instance-b"),
                relay.newPublisher("test-instance-c"));
        for (OutboxPublisher publisher : publishers) {
            Thread thread = new Thread(() -> {
                try {
                    while (writing.get() || publishedCount(ids) < (long) keysCount * eventsPerKey) {
                        OutboxPublisher.Result result = publisher.publishBatch();
                        if (result.failure() != null) {
                            failure.compareAndSet(null, result.failure());
                        }
                        publishedByOthers.addAndGet(result.published());
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "relay-" + others.size());
            others.add(thread);
            thread.start();
        }
        try {
            for (int version = 1; version <= eventsPerKey; version++) {
                for (String key : keys) {
                    ids.add((version == 1 ? writer.create(key, "v1") : writer.rename(key, "v" + version)).id);
                }
            }
        } finally {
            writing.set(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedCount(ids) == ids.size());
        for (Thread thread : others) {
            thread.join(10_000);
        }
        publishers.forEach(OutboxPublisher::close);
        assertThat(failure.get()).isNull();
        assertThat(publishedByOthers.get()).as("events published by the two extra relays").isPositive();

        // Ask for one more than expected and wait: with a single relay at a time, nothing is sent twice.
        List<ConsumerRecord<String, String>> records = OutboxTestSupport.kafka().read(OutboxTestSupport.TOPIC,
                record -> keys.contains(record.key()), ids.size() + 1, Duration.ofSeconds(8));
        assertThat(records).extracting(record -> header(record, "ce_id"))
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        Map<String, Long> expectedLast = new LinkedHashMap<>();
        keys.forEach(key -> expectedLast.put(key, (long) eventsPerKey));
        OutboxTestSupport.assertPerKeyOrder(records, expectedLast);
        assertThat(new LinkedHashSet<>(records.stream().map(ConsumerRecord::offset).toList())).hasSize(ids.size());
    }
}
