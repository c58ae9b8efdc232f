package org.cqpsuite.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/** One row of {@code outbox_event}: an event written with its business change, published later by the relay. */
@Entity
// The relay updates published_at, feed_position, attempts and last_error only: do not rewrite the payload.
@DynamicUpdate
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvents id ({@code ce_id}). */
    @Id
    public UUID id;

    /**
     * Order in which the relay reads and sends the rows, assigned by the database (identity column) at insert. Across
     * keys it is not commit order: a feed reader must use {@link #feedPosition}. Not read back after an insert (the
     * row appended holds {@code null} until read again): reading it back kept a transaction's inserts out of JDBC
     * batches.
     */
    @Column(name = "position", insertable = false, updatable = false)
    public Long position;

    @Column(nullable = false, length = 249)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    public String subject;

    public Long sequence;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** JSON text, stored in a {@code json} column (kept as written). */
    @Column(nullable = false, columnDefinition = "json")
    @ColumnTransformer(write = "?::json")
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * Order of the row in the feed of published events ({@link OutboxFeed}): assigned by the relay, from the sequence
     * {@code outbox_event_feed_position_seq}, in publication order and in the transaction that sets
     * {@link #publishedAt}; {@code null} until then. Unlike {@link #position}, it follows commit order.
     */
    @Column(name = "feed_position", unique = true)
    public Long feedPosition;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    public boolean isPublished() {
        return publishedAt != null;
    }

    @Override
    public String toString() {
        return "OutboxEvent[" + id + ", position " + position + ", " + eventType + " key " + messageKey
                + (sequence == null ? "" : " #" + sequence) + " -> " + topic
                + (publishedAt == null ? ", pending" : ", published " + publishedAt + " feed " + feedPosition) + "]";
    }
}
