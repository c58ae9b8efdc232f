package org.cqpsuite.outbox;

import java.util.Objects;

/**
 * An event to publish, as a service describes it to {@link Outbox#append(NewEvent)}.
 *
 * @param key the Kafka message key: the id of the aggregate the event is about (the certification id). All events of
 *        one key are published in the order of their commits.
 * @param type the CloudEvents type ({@code ce_type}), e.g. {@code org.cqpsuite.certification.created.v1}
 * @param subject the CloudEvents subject ({@code ce_subject}), or {@code null} for none
 * @param sequence the per-aggregate sequence number ({@code ce_sequence}), increasing by one per event of this key,
 *        or {@code null} for none. Unique per topic and key (the table refuses a duplicate at commit).
 * @param data the CloudEvent data: a JSON document, published byte for byte with {@code content-type:
 *        application/json}
 */
public record NewEvent(String key, String type, String subject, Long sequence, String data) {

    public NewEvent {
        requireText(key, "key");
        requireText(type, "type");
        requireText(data, "data");
        if (subject != null && subject.isBlank()) {
            throw new IllegalArgumentException("subject must be null or not blank");
        }
        if (sequence != null && sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /** An event whose subject is its key (the usual case: the subject is the certification id). */
    public static NewEvent of(String key, String type, long sequence, String data) {
        return new NewEvent(key, type, key, sequence, data);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
