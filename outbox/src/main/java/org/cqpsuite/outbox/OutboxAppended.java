package org.cqpsuite.outbox;

/**
 * CDI event fired by {@link Outbox#append(NewEvent)} for each appended row. {@link OutboxRelay} observes it after a
 * successful commit ({@code TransactionPhase.AFTER_SUCCESS}) to publish at once instead of at the next poll; a rolled
 * back transaction delivers nothing.
 */
public record OutboxAppended(String topic, String key) {
}
