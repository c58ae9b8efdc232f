package org.cqpsuite.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/** Configuration of the outbox: keys {@code cqp.outbox.*}, documented in the module README. */
@ConfigMapping(prefix = "cqp.outbox")
public interface OutboxConfig {

    /** The one topic this service publishes to, e.g. {@code cqp.certification.events}. Required: no default. */
    String topic();

    /** CloudEvents {@code source} of every event of this service (a URI reference). */
    @WithDefault("/cqp-suite/${quarkus.application.name}")
    String source();

    /** Rows read and sent per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** Fallback poll of the relay; it is also woken right after each commit that appended events. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a batch may take to be acknowledged by the broker (producer {@code delivery.timeout.ms} and
     * {@code max.block.ms}); a record not acknowledged by then is a failure, retried later.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /** First wait after a failed publication; doubled at each consecutive failure up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration minBackoff();

    /** Longest wait between two publication attempts while the broker is failing. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Largest accepted event data (bytes of UTF-8 JSON): bigger ones are refused by append, not stuck in the relay. */
    @WithDefault("900000")
    int maxPayloadBytes();

    /** Whether this instance runs the relay (append works either way). */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Kafka producer properties of the relay, overriding the application's {@code kafka.*} ones and the relay's
     * defaults, e.g. {@code cqp.outbox.kafka.compression.type=zstd}. {@code enable.idempotence} and {@code acks}
     * cannot be weakened.
     */
    Map<String, String> kafka();
}
