package org.cqpsuite.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes events to the outbox table in the caller's transaction: call {@link #append(NewEvent)} from the same
 * {@code @Transactional} method that makes the change, so that the change and its event commit (or roll back)
 * together. {@link OutboxRelay} publishes the row after the commit.
 */
@ApplicationScoped
public class Outbox {

    /**
     * First key of the two-int advisory locks that serialize the writers of one message key (the second key is
     * {@code hashtext(message_key)}). Two-int and bigint advisory keys never collide, see {@link OutboxPublisher}.
     */
    static final int KEY_LOCK_NAMESPACE = 0x0CB0_0001;

    /** The transaction resource holding the keys whose lock the current transaction already took. */
    private static final Object LOCKED_KEYS = new Object();

    private final OutboxConfig config;
    private final Event<OutboxAppended> appended;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(OutboxConfig config, Event<OutboxAppended> appended,
            TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.appended = appended;
        this.transactions = transactions;
    }

    /**
     * Takes the locks of several keys at once, for a transaction about to append events of each (a batch of imports):
     * one statement instead of one per key, and later {@link #append(NewEvent)}s of these keys take no lock. The locks
     * are taken in the order of the keys, so that two transactions locking several keys never wait for each other in a
     * cycle.
     *
     * @throws jakarta.transaction.TransactionalException when no transaction is active
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockKeys(Collection<String> keys) {
        Set<String> locked = lockedKeys();
        List<String> toLock = keys.stream().filter(key -> !locked.contains(key)).distinct().toList();
        if (toLock.isEmpty()) {
            return;
        }
        // PostgreSQL evaluates a volatile function of the select list after the sort: the locks are taken in order.
        // JDBC for the array parameter: a collection parameter of a native query is expanded as a row, (?, ?, ...).
        OutboxEvent.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?, hashtext(k))
                    FROM unnest(?::text[]) AS t(k) ORDER BY k COLLATE "C") AS held""")) {
                lock.setInt(1, KEY_LOCK_NAMESPACE);
                lock.setArray(2, connection.createArrayOf("text", toLock.toArray()));
                lock.executeQuery().close();
            }
        });
        locked.addAll(toLock);
    }

    private Set<String> lockedKeys() {
        @SuppressWarnings("unchecked")
        Set<String> locked = (Set<String>) transactions.getResource(LOCKED_KEYS);
        if (locked == null) {
            locked = new HashSet<>();
            transactions.putResource(LOCKED_KEYS, locked);
        }
        return locked;
    }

    /**
     * Appends an event to the outbox, inside the caller's transaction (refused without one).
     *
     * <p>It first takes a transaction-scoped lock on the event's key, so that two transactions appending events of
     * one key are serialized: the second waits until the first commits or rolls back. That makes the rows of one key
     * get their positions in commit order, which the relay relies on to publish them in order. The lock is taken once
     * per key and transaction (later appends of the key in the same transaction already hold it).
     *
     * @return the row, persisted (flushed at commit)
     * @throws jakarta.transaction.TransactionalException when no transaction is active
     * @throws IllegalArgumentException when the data is larger than {@code cqp.outbox.max-payload-bytes}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(NewEvent event) {
        int size = event.data().getBytes(StandardCharsets.UTF_8).length;
        if (size > config.maxPayloadBytes()) {
            throw new IllegalArgumentException("Event " + event.type() + " of key " + event.key() + " has " + size
                    + " bytes of data, more than cqp.outbox.max-payload-bytes=" + config.maxPayloadBytes());
        }
        Set<String> locked = lockedKeys();
        // The lock lasts until the end of the transaction: a transaction appending several events of one key (a
        // creation and its first versions, a batch of imports) asks PostgreSQL for it once, not once per event.
        if (!locked.contains(event.key())) {
            OutboxEvent.getEntityManager()
                    .createNativeQuery("SELECT true FROM pg_advisory_xact_lock(:namespace, hashtext(:key))")
                    .setParameter("namespace", KEY_LOCK_NAMESPACE)
                    .setParameter("key", event.key())
                    .getSingleResult();
            locked.add(event.key());
        }

        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = config.topic();
        row.messageKey = event.key();
        row.eventType = event.type();
        row.source = config.source();
        row.subject = event.subject();
        row.sequence = event.sequence();
        // PostgreSQL keeps microseconds: the in-memory value matches what the relay will read back.
        row.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.payload = event.data();
        row.attempts = 0;
        row.persist();
        // Observed by OutboxRelay after a successful commit only.
        appended.fire(new OutboxAppended(row.topic, row.messageKey));
        return row;
    }
}
