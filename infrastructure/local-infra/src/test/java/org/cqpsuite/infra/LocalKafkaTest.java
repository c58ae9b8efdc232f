package org.cqpsuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    private static final String TOPIC = "cqp.test.events";

    @TempDir
    Path dir;

    @Test
    void keepsRecordsAcrossCleanAndKilledRestartsAndStopsCleanly() throws Exception {
        Path data = dir.resolve("kafka");
        Path log = dir.resolve("logs/kafka.log");
        try (LocalKafka kafka = LocalKafka.start(data, 0, log)) {
            int port = kafka.port();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(kafka.isRunning()).isTrue();
            long firstPid = kafka.pid();

            produce(kafka.bootstrapServers(), "a", "b", "c");
            assertThat(consumeAll(kafka.bootstrapServers(), 3)).containsExactly("a", "b", "c");

            kafka.restart(); // SIGTERM, clean shutdown, same data folder and ports
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(kafka.pid()).isNotEqualTo(firstPid);
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(consumeAll(kafka.bootstrapServers(), 3)).containsExactly("a", "b", "c");

            long secondPid = kafka.pid();
            kafka.kill(); // SIGKILL: no clean shutdown
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(InfraSupport.accepts(port)).isFalse();

            kafka.restart(); // recovers the unclean log
            produce(kafka.bootstrapServers(), "d");
            assertThat(consumeAll(kafka.bootstrapServers(), 4)).containsExactly("a", "b", "c", "d");

            long lastPid = kafka.pid();
            kafka.close();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(lastPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(InfraSupport.accepts(port)).as("port %s after close", port).isFalse();
        }
        assertThat(data.resolve("kraft-combined-logs/meta.properties")).exists();
        assertThat(data).as("a given data folder is kept").isDirectory();
        String logText = Files.readString(log);
        assertThat(logText).contains(LocalKafka.STARTED_MESSAGE);
        assertThat(logText.split(LocalKafka.STARTED_MESSAGE, -1)).as("three starts logged").hasSize(4);
    }

    @Test
    void temporaryBrokerLogsStartedAndDeletesItsDataOnClose() throws Exception {
        Path log = dir.resolve("broker.log");
        Path data;
        try (LocalKafka kafka = LocalKafka.start(null, 0, log)) {
            data = kafka.dataDirectory();
            assertThat(log).exists();
            assertThat(Files.readString(log)).contains("Kafka Server started");
            assertThat(data.resolve("server.properties")).exists();
            assertThat(Files.readString(data.resolve("server.properties"))).contains("log.retention.ms=-1");
            assertThat(kafka.controllerPort()).isNotEqualTo(kafka.port());
            assertThat(InfraSupport.accepts(kafka.port())).isTrue();
            assertThat(ProcessHandle.of(kafka.pid()).map(ProcessHandle::isAlive).orElse(false)).isTrue();

            // The suite's topics are created up front, keeping their history; creating them again changes nothing.
            kafka.createTopics(List.of("cqp.a.events", "cqp.b.events"));
            kafka.createTopics(List.of("cqp.a.events", "cqp.b.events"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("cqp.a.events", "cqp.b.events");
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "cqp.a.events");
                assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value())
                        .isEqualTo("-1");
            }
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void takenPortIsReportedWithComponentPortAndLogFile() throws Exception {
        Path log = dir.resolve("busy.log");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> LocalKafka.start(dir.resolve("busy"), port, log))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Kafka")
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining(log.toString());
        }
    }

    @Test
    void clusterIdsAreValidKafkaUuids() {
        for (int i = 0; i < 50; i++) {
            String id = LocalKafka.newClusterId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
        }
    }

    static void produce(String bootstrap, String... values) throws Exception {
        Properties config = new Properties();
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.LINGER_MS_CONFIG, "0"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, "key-" + value, value)).get();
            }
        }
    }

    /** Reads the topic's only partition from the beginning until {@code expected} records arrived (or 30 s). */
    static List<String> consumeAll(String bootstrap, int expected) {
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // nothing more than expected
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(record.value());
            }
        }
        return values;
    }
}
