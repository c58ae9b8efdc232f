package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.TestInfrastructure;

/** Reading the topic and the outbox table as the tests need. */
final class OutboxTestSupport {

    static final String TOPIC = "cqp.outbox.test.events";

    private OutboxTestSupport() {
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());
    }

    /** A key no other test (or earlier run against an external broker) uses. */
    static String newKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long sequence(ConsumerRecord<String, String> record) {
        return Long.parseLong(header(record, "ce_sequence"));
    }

    static OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(id));
    }

    static long publishedCount(Collection<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .count("id in ?1 and publishedAt is not null", List.copyOf(ids)));
    }

    static long rowsOfKey(String key) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey", key));
    }

    /**
     * Reads the topic from the beginning until {@code distinct} different ce_ids of {@code keys} were seen, and
     * returns every record of those keys up to that point, duplicates included, in topic order.
     */
    static List<ConsumerRecord<String, String>> readUntilDistinct(Set<String> keys, int distinct, Duration timeout) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        kafka().read(TOPIC, record -> {
            if (!keys.contains(record.key())) {
                return false;
            }
            all.add(record);
            return ids.add(header(record, "ce_id"));
        }, distinct, timeout);
        return all;
    }

    /**
     * Replays the records as a consumer that applies sequence {@code last + 1}, skips {@code sequence <= last}
     * (duplicates of at-least-once delivery) and fails on a gap, and checks that each key ends at its expected last
     * sequence with nothing lost, and that any skipped record really is a duplicate (same ce_id as the applied one).
     */
    static void assertPerKeyOrder(List<ConsumerRecord<String, String>> records, Map<String, Long> expectedLast) {
        Map<String, Long> last = new HashMap<>();
        Map<String, String> appliedIds = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            long applied = last.getOrDefault(record.key(), 0L);
            long sequence = sequence(record);
            String id = header(record, "ce_id");
            if (sequence == applied + 1) {
                last.put(record.key(), sequence);
                appliedIds.put(record.key() + "#" + sequence, id);
            } else if (sequence <= applied) {
                assertThat(id).as("a re-sent record of key %s sequence %d is the same event", record.key(), sequence)
                        .isEqualTo(appliedIds.get(record.key() + "#" + sequence));
            } else {
                fail("key %s: sequence %d arrived after %d (out of order or lost) in %s", record.key(), sequence,
                        applied, describe(records));
            }
        }
        assertThat(last).isEqualTo(expectedLast);
    }

    static List<String> describe(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> r.key() + "#" + header(r, "ce_sequence").replaceFirst("^0+", "")
                + "@" + r.offset()).toList();
    }
}
