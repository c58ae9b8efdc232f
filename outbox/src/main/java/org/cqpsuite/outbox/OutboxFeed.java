package org.cqpsuite.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The published events in the order the relay published them, read page by page with a cursor: what a service serves
 * as a feed to partners without Kafka ({@code GET /events?after=<cursor>&limit=<n>}).
 *
 * <p>A page holds the events whose {@code feed_position} is greater than the cursor, in {@code feed_position} order.
 * The relay assigns {@code feed_position} when it marks rows published, in publication order, and feed positions
 * committed later are always greater than those committed before (see {@link OutboxPublisher}). So a reader that
 * resumes with {@link Page#nextCursor()} never skips an event, even when events of different keys commit in another
 * order than their {@code position}s. Reading "after position N" would not be safe: a row with a lower position can
 * commit after a higher one was already served.
 *
 * <p>Only published events are in the feed, so it shows each event once it is on the topic (unpublished rows have no
 * {@code feed_position}). Each is in the feed once, even if the relay sent it to the topic twice. Cursors only grow;
 * they are normally consecutive but may have gaps (a relay transaction that rolled back), so a reader should not
 * expect {@code cursor + 1}.
 */
@ApplicationScoped
public class OutboxFeed {

    /** The largest page: a caller validates {@code limit} in {@code 1..MAX_LIMIT}; {@link #read} clamps it too. */
    public static final int MAX_LIMIT = 1000;

    /**
     * A published event as the feed serves it.
     *
     * @param cursor the event's {@code feed_position}: read after it to get the events that follow
     * @param id the CloudEvents id ({@code ce_id}), as on Kafka
     * @param type {@code ce_type}
     * @param source {@code ce_source}
     * @param subject {@code ce_subject}, {@code null} if absent
     * @param sequence {@code ce_sequence}, {@code null} if absent
     * @param time {@code ce_time}
     * @param key the Kafka key (the aggregate id)
     * @param data the JSON payload, exactly as stored (the Kafka record's value)
     */
    public record FeedEvent(long cursor, UUID id, String type, String source, String subject, Long sequence,
            Instant time, String key, String data) {
    }

    /**
     * One page of the feed.
     *
     * @param events at most {@code limit} events, by ascending cursor
     * @param nextCursor where to resume: the last event's cursor, or the {@code after} that was read when the page is
     *        empty
     */
    public record Page(List<FeedEvent> events, long nextCursor) {

        public Page {
            events = List.copyOf(events);
        }
    }

    /**
     * Reads the published events after {@code after} ({@code 0} for the beginning), in feed order.
     *
     * @param after a cursor given by an earlier page ({@link Page#nextCursor()} or a {@link FeedEvent#cursor()}), or
     *        {@code 0}
     * @param limit the largest number of events, {@code 1..MAX_LIMIT} (a value outside is clamped into that range)
     */
    @Transactional
    public Page read(long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        // One statement: it sees every relay batch entirely or not at all.
        List<Object[]> rows = OutboxEvent.getEntityManager().createQuery("""
                SELECT e.feedPosition, e.id, e.eventType, e.source, e.subject, e.sequence, e.occurredAt,
                       e.messageKey, e.payload
                FROM OutboxEvent e
                WHERE e.feedPosition > :after
                ORDER BY e.feedPosition""", Object[].class)
                .setParameter("after", after)
                .setMaxResults(size)
                .getResultList();
        List<FeedEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new FeedEvent((Long) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (Long) row[5], (Instant) row[6], (String) row[7], (String) row[8]));
        }
        long nextCursor = events.isEmpty() ? after : events.get(events.size() - 1).cursor();
        return new Page(events, nextCursor);
    }
}
