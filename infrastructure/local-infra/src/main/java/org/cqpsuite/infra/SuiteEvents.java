package org.cqpsuite.infra;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the records of a topic from the beginning, one JSON object per line ({@code ./suite events TOPIC}), as a
 * partner subscribed to it would receive them: partition, offset, key, headers (the CloudEvents attributes) and value.
 * Reads without a consumer group (nothing committed), up to the end of the topic, or on with {@code --follow}.
 *
 * <pre>SuiteEvents --bootstrap 127.0.0.1:9092 --topic cqp.certification.events [--key ID] [--follow]</pre>
 */
public final class SuiteEvents {

    private SuiteEvents() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean follow = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--follow" -> follow = true;
                case "--bootstrap", "--topic", "--key" -> {
                    if (i + 1 >= args.length) {
                        usage(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (!options.containsKey("--bootstrap") || !options.containsKey("--topic")) {
            usage("--bootstrap and --topic are required");
        }
        System.exit(print(options.get("--bootstrap"), options.get("--topic"), options.get("--key"), follow, System.out));
    }

    /** Prints the topic's records (those of {@code key} only, when given); returns the exit status. */
    static int print(String bootstrap, String topic, String key, boolean follow, PrintStream out) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Reading must not create the topic it reads.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                System.err.println("suite events: no answer from Kafka at " + bootstrap + " within 15 s");
                return 1;
            }
            if (partitions == null || partitions.isEmpty()) {
                System.err.println("suite events: topic " + topic + " does not exist (yet) on " + bootstrap);
                return 1;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            while (follow || assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key == null || key.equals(record.key())) {
                        out.println(json(record));
                    }
                }
                out.flush();
            }
        }
        return 0;
    }

    static String json(ConsumerRecord<String, String> record) {
        StringBuilder line = new StringBuilder("{\"partition\":").append(record.partition())
                .append(",\"offset\":").append(record.offset())
                .append(",\"key\":").append(string(record.key()))
                .append(",\"headers\":{");
        boolean first = true;
        for (Header header : record.headers()) {
            line.append(first ? "" : ",").append(string(header.key())).append(':')
                    .append(string(header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
            first = false;
        }
        String value = record.value();
        boolean json = value != null && (value.startsWith("{") || value.startsWith("["));
        return line.append("},\"value\":").append(json ? value : string(value)).append('}').toString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static void usage(String problem) {
        System.err.println("suite events: " + problem);
        System.err.println("usage: SuiteEvents --bootstrap HOST:PORT --topic TOPIC [--key KEY] [--follow]");
        System.exit(2);
    }
}
