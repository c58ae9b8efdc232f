package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.outbox.OutboxTestSupport.header;
import static org.cqpsuite.outbox.OutboxTestSupport.newKey;
import static org.cqpsuite.outbox.OutboxTestSupport.publishedCount;
import static org.cqpsuite.outbox.OutboxTestSupport.row;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.cqpsuite.testinfra.TestInfrastructure.ControllableBroker;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The broker crashes while the service writes; the service keeps committing changes; when the broker is back every
 * event goes out, in per-key order.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbox"))
class OutboxBrokerOutageTest {

    private static final Logger LOG = Logger.getLogger(OutboxBrokerOutageTest.class);
    private static final int KEYS = 5;
    private static final int EVENTS_PER_KEY = 10;
    private static final int TRAFFIC_KEYS = 3;

    @Inject
    CertificationWriter writer;

    @Inject
    OutboxMetrics metrics;

    /** The first unpublished row: the one the relay keeps trying. */
    private static OutboxEvent oldestPending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>find("publishedAt is null order by position").firstResult());
    }

    private static long failedAttemptsRecorded() {
        OutboxEvent oldest = oldestPending();
        return oldest == null || oldest.lastError == null ? 0 : oldest.attempts;
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArePublishedInPerKeyOrderWhenItIsBack() throws Exception {
        ControllableBroker broker = TestInfrastructure.shared().controllableBroker().orElse(null);
        assumeTrue(broker != null, "needs the embedded broker, which this test JVM may stop");

        // The relay's producer is connected before the crash.
        OutboxEvent warmUp = writer.create(newKey("CQP-WARMUP"), "avant la panne");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(warmUp.id).isPublished());

        // Background traffic on other keys, from before the crash to after the restart: some of its records are in
        // the producer's buffers or in flight when the broker dies.
        List<String> trafficKeys = new ArrayList<>();
        for (int k = 0; k < TRAFFIC_KEYS; k++) {
            trafficKeys.add(newKey("CQP-TRAFFIC-" + k));
        }
        List<UUID> trafficIds = new CopyOnWriteArrayList<>();
        Map<String, Long> trafficLast = new ConcurrentHashMap<>();
        AtomicBoolean trafficOn = new AtomicBoolean(true);
        AtomicReference<Throwable> trafficFailure = new AtomicReference<>();
        Thread traffic = new Thread(() -> {
            try {
                for (int version = 1; trafficOn.get(); version++) {
                    for (String key : trafficKeys) {
                        OutboxEvent event = version == 1 ? writer.create(key, "v1") : writer.rename(key, "v" + version);
                        trafficIds.add(event.id);
                        trafficLast.put(key, event.sequence);
                    }
                    Thread.sleep(100);
                }
            } catch (Throwable e) {
                trafficFailure.set(e);
            }
        }, "traffic-writer");
        traffic.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedCount(trafficIds) >= 15);

        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(newKey("CQP-OUTAGE-" + k));
        }
        List<UUID> ids = new ArrayList<>();
        broker.kill();
        long began = System.nanoTime();
        try {
            // 50 transactions over 5 keys, interleaved, each a change and its event, committed with no broker.
            for (int version = 1; version <= EVENTS_PER_KEY; version++) {
                for (String key : keys) {
                    OutboxEvent event = version == 1 ? writer.create(key, "v1") : writer.rename(key, "v" + version);
                    ids.add(event.id);
                }
            }
            // The relay keeps trying and records why it fails; nothing of it is marked published.
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttemptsRecorded() >= 2);
            assertThat(publishedCount(ids)).isZero();
            assertThat(metrics.pending()).isGreaterThanOrEqualTo(ids.size());
            LOG.infof("With the broker down: %s", oldestPending().lastError);
        } finally {
            broker.restart();
        }
        LOG.infof("Broker down for %d ms", (System.nanoTime() - began) / 1_000_000);
        Thread.sleep(1000);
        trafficOn.set(false);
        traffic.join(10_000);
        assertThat(trafficFailure.get()).isNull();

        List<UUID> all = new ArrayList<>(ids);
        all.addAll(trafficIds);
        await().atMost(Duration.ofSeconds(45)).until(() -> publishedCount(all) == all.size());
        LOG.infof("All %d events (%d of background traffic) published %d ms after the crash", all.size(),
                trafficIds.size(), (System.nanoTime() - began) / 1_000_000);

        Set<String> allKeys = new LinkedHashSet<>(keys);
        allKeys.addAll(trafficKeys);
        List<ConsumerRecord<String, String>> records = OutboxTestSupport.readUntilDistinct(allKeys, all.size(),
                Duration.ofSeconds(30));
        Set<String> publishedIds = new LinkedHashSet<>();
        records.forEach(record -> publishedIds.add(header(record, "ce_id")));
        assertThat(publishedIds).containsExactlyInAnyOrderElementsOf(all.stream().map(UUID::toString).toList());
        Map<String, Long> expectedLast = new LinkedHashMap<>();
        keys.forEach(key -> expectedLast.put(key, (long) EVENTS_PER_KEY));
        expectedLast.putAll(trafficLast);
        OutboxTestSupport.assertPerKeyOrder(records, expectedLast);
        LOG.infof("%d records on the topic for %d events (duplicates: %d)", records.size(), all.size(),
                records.size() - all.size());

        assertThat(row(ids.get(0)).lastError).isNull();
        assertThat(row(ids.get(0)).attempts).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.pending() == 0);
    }
}
