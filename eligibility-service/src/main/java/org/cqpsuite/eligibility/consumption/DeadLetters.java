package org.cqpsuite.eligibility.consumption;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends poison records to the dead-letter topic, with the headers SmallRye's dead-letter queue uses
 * ({@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset})
 * and the record's own key, value and headers. The consumer takes records by batch, and the connector's dead-letter
 * strategy would send a whole batch for one bad record, so this is done here, one record at a time; the send is
 * awaited before the batch's offsets can be committed, so a poison record is never lost (it may be sent twice if
 * the service dies in between).
 */
@ApplicationScoped
public class DeadLetters {

    private final String topic;
    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "cqp.consumer.dead-letter-topic") String topic,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends the record and waits for the broker's acknowledgement. */
    void send(ConsumerRecord<String, String> record, String reason) throws DeadLetterException {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value(),
                record.headers());
        Headers headers = dead.headers();
        header(headers, "dead-letter-reason", reason);
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterException(e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "eligibility-service-dead-letters");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    /** The dead-letter topic could not be written to (the broker is away): retried, the record is kept. */
    static class DeadLetterException extends Exception {

        DeadLetterException(Throwable cause) {
            super("Could not write to the dead-letter topic: " + cause.getMessage(), cause);
        }
    }
}
