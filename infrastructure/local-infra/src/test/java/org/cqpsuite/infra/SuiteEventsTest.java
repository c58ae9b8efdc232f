package org.cqpsuite.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./suite events prints a topic as a partner receives it, and stops at its end. */
class SuiteEventsTest {

    @Test
    void printsEveryRecordOfTheTopicWithItsHeadersThenStops(@TempDir Path dir) throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0, dir.resolve("kafka.log"))) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName()))) {
                ProducerRecord<String, String> first = new ProducerRecord<>("events-probe", "a", "{\"n\":1}");
                first.headers().add("ce_type", "org.cqpsuite.probe".getBytes(StandardCharsets.UTF_8));
                producer.send(first).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("events-probe", "b", "plain \"text\"")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("events-probe", "a", "{\"n\":2}")).get(30, TimeUnit.SECONDS);
            }

            ByteArrayOutputStream all = new ByteArrayOutputStream();
            assertThat(SuiteEvents.print(kafka.bootstrapServers(), "events-probe", null, false,
                    new PrintStream(all, true, StandardCharsets.UTF_8))).isZero();
            assertThat(all.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                    "{\"partition\":0,\"offset\":0,\"key\":\"a\",\"headers\":{\"ce_type\":\"org.cqpsuite.probe\"},\"value\":{\"n\":1}}",
                    "{\"partition\":0,\"offset\":1,\"key\":\"b\",\"headers\":{},\"value\":\"plain \\\"text\\\"\"}",
                    "{\"partition\":0,\"offset\":2,\"key\":\"a\",\"headers\":{},\"value\":{\"n\":2}}");

            ByteArrayOutputStream onlyA = new ByteArrayOutputStream();
            SuiteEvents.print(kafka.bootstrapServers(), "events-probe", "a", false,
                    new PrintStream(onlyA, true, StandardCharsets.UTF_8));
            assertThat(onlyA.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allMatch(l -> l.contains("\"key\":\"a\""));
        }
    }
}
