package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.outbox.OutboxTestSupport.TOPIC;
import static org.cqpsuite.outbox.OutboxTestSupport.header;
import static org.cqpsuite.outbox.OutboxTestSupport.newKey;
import static org.cqpsuite.outbox.OutboxTestSupport.publishedCount;
import static org.cqpsuite.outbox.OutboxTestSupport.row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.outbox.OutboxFeed.FeedEvent;
import org.cqpsuite.outbox.OutboxFeed.Page;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The feed of published events ({@link OutboxFeed}): only published events, in publication order, resumable by cursor,
 * and never skipping an event whose transaction committed after later-positioned ones were already served.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbox"))
class OutboxFeedTest {

    @Inject
    OutboxFeed feed;

    @Inject
    Outbox outbox;

    @Inject
    CertificationWriter writer;

    @Inject
    OutboxRelay relay;

    /** The last cursor of the feed now: reading after it returns only what is published from now on. */
    private static long feedHead() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.getEntityManager()
                .createQuery("SELECT coalesce(max(e.feedPosition), 0) FROM OutboxEvent e", Long.class)
                .getSingleResult());
    }

    /** Every event of the feed after {@code after}, read page by page. */
    private List<FeedEvent> readAll(long after, int limit) {
        List<FeedEvent> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            Page page = feed.read(cursor, limit);
            if (page.events().isEmpty()) {
                assertThat(page.nextCursor()).isEqualTo(cursor);
                return events;
            }
            assertThat(page.events()).hasSizeLessThanOrEqualTo(limit);
            assertThat(page.nextCursor()).isEqualTo(page.events().get(page.events().size() - 1).cursor());
            events.addAll(page.events());
            cursor = page.nextCursor();
        }
    }

    private static List<UUID> ids(List<FeedEvent> events) {
        return events.stream().map(FeedEvent::id).toList();
    }

    private static void assertContiguous(List<FeedEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).cursor()).as("cursor after %s", events.get(i - 1))
                    .isEqualTo(events.get(i - 1).cursor() + 1);
        }
    }

    @Test
    void eventsAppearInTheFeedOnlyOncePublishedInPublicationOrderWithContiguousCursors() throws Exception {
        String first = newKey("CQP-FEED-A");
        String second = newKey("CQP-FEED-B");
        long head = feedHead();
        List<OutboxEvent> appended = new ArrayList<>();
        try (RelayLockHolder otherInstance = RelayLockHolder.take()) {
            appended.add(writer.create(first, "un"));
            appended.add(writer.create(second, "deux"));
            appended.add(writer.rename(first, "trois"));
            // The application's relay was woken by the commits, and is locked out: nothing is published yet.
            Thread.sleep(1000);
            assertThat(publishedCount(appended.stream().map(e -> e.id).toList())).isZero();
            assertThat(ids(readAll(head, 1000))).doesNotContainAnyElementsOf(appended.stream().map(e -> e.id).toList());
            assertThat(row(appended.get(0).id).feedPosition).isNull();
        }
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> publishedCount(appended.stream().map(e -> e.id).toList()) == appended.size());

        Page page = feed.read(head, 1000);
        assertContiguous(page.events());
        assertThat(page.nextCursor()).isEqualTo(page.events().get(page.events().size() - 1).cursor());
        // One relay batch, sent in position order: the feed has them in that order (and nothing else in between
        // unless another test left events behind).
        List<FeedEvent> events = page.events().stream()
                .filter(event -> event.key().equals(first) || event.key().equals(second)).toList();
        assertThat(ids(events)).containsExactlyElementsOf(appended.stream().map(e -> e.id).toList());
        assertThat(events.get(0).cursor()).isGreaterThan(head);

        // The same events as on the topic, attribute for attribute, and each cursor is the row's feed_position.
        List<ConsumerRecord<String, String>> records = OutboxTestSupport.kafka().read(TOPIC,
                record -> record.key().equals(first) || record.key().equals(second), events.size(),
                Duration.ofSeconds(15));
        Map<String, ConsumerRecord<String, String>> byId = new HashMap<>();
        records.forEach(record -> byId.put(header(record, "ce_id"), record));
        for (FeedEvent event : events) {
            OutboxEvent stored = row(event.id());
            assertThat(event.cursor()).isEqualTo(stored.feedPosition);
            ConsumerRecord<String, String> record = byId.get(event.id().toString());
            assertThat(record).as("record of %s", event).isNotNull();
            assertThat(event.key()).isEqualTo(record.key());
            assertThat(event.data()).isEqualTo(record.value()).isEqualTo(stored.payload);
            assertThat(event.type()).isEqualTo(header(record, "ce_type"));
            assertThat(event.source()).isEqualTo(header(record, "ce_source")).isEqualTo("/cqp-suite/outbox-test");
            assertThat(event.subject()).isEqualTo(header(record, "ce_subject"));
            assertThat(event.sequence()).isEqualTo(OutboxTestSupport.sequence(record));
            assertThat(event.time()).isEqualTo(stored.occurredAt);
            assertThat(event.time().toString()).isEqualTo(header(record, "ce_time"));
        }
        assertThat(events.get(2).type()).isEqualTo(CertificationWriter.RENAMED);
        assertThat(events.get(2).data()).isEqualTo("{\"id\":\"" + first + "\",\"label\":\"trois\",\"version\":2}");
    }

    @Test
    void resumingFromACursorReturnsExactlyTheFollowingEventsAndTheLimitIsRespected() {
        long head = feedHead();
        List<UUID> appended = new ArrayList<>();
        String[] keys = {newKey("CQP-PAGE-A"), newKey("CQP-PAGE-B")};
        for (int i = 0; i < 7; i++) {
            String key = keys[i % 2];
            int version = i / 2 + 1;
            appended.add((version == 1 ? writer.create(key, "v1") : writer.rename(key, "v" + version)).id);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedCount(appended) == appended.size());

        List<FeedEvent> all = feed.read(head, 1000).events();
        assertThat(ids(all)).containsAll(appended);
        assertContiguous(all);

        // Pages of 3, each resumed from the previous page's nextCursor, make up the same sequence.
        List<Integer> sizes = new ArrayList<>();
        List<FeedEvent> paged = new ArrayList<>();
        long cursor = head;
        for (Page page = feed.read(cursor, 3); !page.events().isEmpty(); page = feed.read(cursor, 3)) {
            sizes.add(page.events().size());
            paged.addAll(page.events());
            assertThat(page.nextCursor()).isEqualTo(page.events().get(page.events().size() - 1).cursor());
            cursor = page.nextCursor();
        }
        assertThat(paged).isEqualTo(all);
        assertThat(sizes).allMatch(size -> size <= 3);
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == 3);

        // From any cursor: exactly the events after it.
        FeedEvent third = all.get(2);
        assertThat(feed.read(third.cursor(), 1000).events()).isEqualTo(all.subList(3, all.size()));
        assertThat(feed.read(third.cursor(), 2).events()).isEqualTo(all.subList(3, 5));
        assertThat(feed.read(third.cursor(), 2).nextCursor()).isEqualTo(all.get(4).cursor());

        // At the end: an empty page that resumes from the same cursor.
        long last = all.get(all.size() - 1).cursor();
        Page empty = feed.read(last, 10);
        assertThat(empty.events()).isEmpty();
        assertThat(empty.nextCursor()).isEqualTo(last);

        // A limit outside 1..1000 is clamped.
        assertThat(feed.read(head, 0).events()).containsExactly(all.get(0));
        assertThat(feed.read(head, -5).events()).containsExactly(all.get(0));
        assertThat(feed.read(head, Integer.MAX_VALUE).events()).isEqualTo(all);
        assertThat(feed.read(head, 1).events()).containsExactly(all.get(0));
    }

    /**
     * The case positions get wrong: a long transaction appends first (lower position) and commits last, while writers
     * of other keys commit in between and their events are published and read. A reader resuming "after position N"
     * would have passed the long transaction's position and skipped its event for ever; the feed gives it a cursor
     * after every event already served.
     */
    @Test
    void concurrentWritersWhoseCommitsInterleaveNeverMakeAReaderSkipAnEvent() throws Exception {
        int writers = 3;
        int eventsPerWriter = 8;
        String longKey = newKey("CQP-FEED-LONG");
        List<String> writerKeys = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writerKeys.add(newKey("CQP-FEED-W" + w));
        }
        Set<String> keys = new LinkedHashSet<>(writerKeys);
        keys.add(longKey);
        long head = feedHead();

        // A reader polling the feed by cursor all along, with small pages.
        List<FeedEvent> read = new CopyOnWriteArrayList<>();
        Set<UUID> expected = ConcurrentHashMap.newKeySet();
        AtomicBoolean allCommitted = new AtomicBoolean();
        AtomicBoolean stopReading = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                long cursor = head;
                while (!stopReading.get()) {
                    Page page = feed.read(cursor, 2);
                    for (FeedEvent event : page.events()) {
                        if (event.cursor() <= cursor) {
                            throw new AssertionError("cursor " + event.cursor() + " after " + cursor);
                        }
                        cursor = event.cursor();
                        if (keys.contains(event.key())) {
                            read.add(event);
                        }
                    }
                    if (page.events().isEmpty()) {
                        if (allCommitted.get() && read.size() >= expected.size()
                                && ids(read).containsAll(expected)) {
                            return;
                        }
                        Thread.sleep(10);
                    }
                }
            } catch (Throwable e) {
                readerFailure.set(e);
            }
        }, "feed-reader");
        reader.start();

        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch longAppended = new CountDownLatch(1);
        CountDownLatch commitLong = new CountDownLatch(1);
        try {
            // Appends first, so its row has the lowest position (flushed now, as a service's later query would do),
            // and commits last.
            Future<UUID> longTransaction = threads.submit(() -> QuarkusTransaction.requiringNew().timeout(90).call(() -> {
                OutboxEvent event = outbox.append(NewEvent.of(longKey, CertificationWriter.CREATED, 1L,
                        "{\"long\":true}"));
                OutboxEvent.getEntityManager().flush();
                longAppended.countDown();
                commitLong.await(60, TimeUnit.SECONDS);
                return event.id;
            }));
            assertThat(longAppended.await(10, TimeUnit.SECONDS)).isTrue();

            // Writers of other keys, each transaction committing after a random pause: their commits interleave.
            List<Future<List<UUID>>> written = new ArrayList<>();
            for (String key : writerKeys) {
                written.add(threads.submit(() -> {
                    List<UUID> ids = new ArrayList<>();
                    for (long sequence = 1; sequence <= eventsPerWriter; sequence++) {
                        long s = sequence;
                        ids.add(QuarkusTransaction.requiringNew().call(() -> {
                            OutboxEvent event = outbox.append(NewEvent.of(key, CertificationWriter.RENAMED, s,
                                    "{\"n\":" + s + "}"));
                            OutboxEvent.getEntityManager().flush();
                            Thread.sleep(ThreadLocalRandom.current().nextInt(30));
                            return event.id;
                        }));
                    }
                    return ids;
                }));
            }
            List<UUID> writerIds = new ArrayList<>();
            for (Future<List<UUID>> ids : written) {
                writerIds.addAll(ids.get(30, TimeUnit.SECONDS));
            }
            expected.addAll(writerIds);

            // Every other event is published and read while the long transaction is still open.
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(read).containsAll(writerIds));
            assertThat(longTransaction.isDone()).isFalse();
            assertThat(read).hasSize(writerIds.size());

            commitLong.countDown();
            UUID longId = longTransaction.get(10, TimeUnit.SECONDS);
            expected.add(longId);
            allCommitted.set(true);
            // The reader stops by itself once it has read every event; if one was skipped, it never will.
            reader.join(15_000);
            stopReading.set(true);
            reader.join(5_000);
            assertThat(readerFailure.get()).isNull();

            // The union of the pages is every event, each once, in strictly growing cursor order.
            assertThat(ids(read)).as("events read by cursor (the long transaction's is %s)", longId)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            for (int i = 1; i < read.size(); i++) {
                assertThat(read.get(i).cursor()).isGreaterThan(read.get(i - 1).cursor());
            }
            // The long transaction's event has the lowest position but the last cursor: by position, a reader that
            // had read the others would have been past it already.
            OutboxEvent longRow = row(longId);
            long lowestWriterPosition = writerIds.stream().mapToLong(id -> row(id).position).min().orElseThrow();
            assertThat(longRow.position).isLessThan(lowestWriterPosition);
            assertThat(read.get(read.size() - 1).id()).isEqualTo(longId);
            assertThat(read.get(read.size() - 1).cursor()).isEqualTo(longRow.feedPosition);
            // Per key, the feed keeps the writers' sequence order.
            for (String key : writerKeys) {
                assertThat(read.stream().filter(event -> event.key().equals(key)).map(FeedEvent::sequence).toList())
                        .isSorted().hasSize(eventsPerWriter);
            }
        } finally {
            commitLong.countDown();
            stopReading.set(true);
            threads.shutdownNow();
            reader.join(10_000);
        }
    }

    @Test
    void theFeedQueryIsAnIndexRangeScanWithoutSort() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            // The test table is small: tell the planner to read an index in order if there is one.
            OutboxEvent.getEntityManager().createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            OutboxEvent.getEntityManager().createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
            List<?> lines = OutboxEvent.getEntityManager().createNativeQuery(
                    "EXPLAIN SELECT * FROM outbox_event WHERE feed_position > 42 ORDER BY feed_position LIMIT 100")
                    .getResultList();
            return String.join("\n", lines.stream().map(String::valueOf).toList());
        });
        assertThat(plan).contains("outbox_event_feed_position_uq").doesNotContain("Sort");
    }

    /**
     * V0_2 on a database that already has published rows (a service upgrading): they are numbered in position order,
     * unpublished ones stay unnumbered, and the relay continues after them.
     */
    @Test
    void theMigrationNumbersRowsPublishedBeforeItInPositionOrder() throws Exception {
        assertThat(migration("V0_2__outbox_feed_position.sql"))
                .as("the migration takes the relay lock")
                .contains("pg_advisory_xact_lock(" + OutboxPublisher.RELAY_LOCK_KEY + ")");
        String schema = "feed_migration_" + UUID.randomUUID().toString().substring(0, 8);
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                statement.execute("SET search_path TO " + schema);
                statement.execute(migration("V0_1__outbox_event.sql"));
                // positions 1..5; published: 1, 3, 4 and 5 (5 before 4), not 2
                String[] publishedAt = {"'2026-01-01T10:00:00Z'", "NULL", "'2026-01-01T10:00:05Z'",
                        "'2026-01-01T10:00:09Z'", "'2026-01-01T10:00:07Z'"};
                for (int i = 0; i < publishedAt.length; i++) {
                    statement.execute("INSERT INTO outbox_event (id, topic, message_key, event_type, source, sequence,"
                            + " occurred_at, payload, published_at) VALUES ('" + UUID.randomUUID() + "', 't', 'k',"
                            + " 'type', '/src', " + (i + 1) + ", now(), '{}', " + publishedAt[i] + ")");
                }
                connection.setAutoCommit(false);
                statement.execute(migration("V0_2__outbox_feed_position.sql"));
                connection.commit();
                connection.setAutoCommit(true);

                Map<Long, Long> feedPositions = new HashMap<>();
                try (ResultSet rows = statement.executeQuery("SELECT position, feed_position FROM outbox_event")) {
                    while (rows.next()) {
                        long position = rows.getLong(1);
                        long feedPosition = rows.getLong(2);
                        feedPositions.put(position, rows.wasNull() ? null : feedPosition);
                    }
                }
                Map<Long, Long> expectedPositions = new HashMap<>();
                expectedPositions.put(1L, 1L);
                expectedPositions.put(2L, null);
                expectedPositions.put(3L, 2L);
                expectedPositions.put(4L, 3L);
                expectedPositions.put(5L, 4L);
                assertThat(feedPositions).isEqualTo(expectedPositions);
                try (ResultSet next = statement.executeQuery("SELECT nextval('outbox_event_feed_position_seq')")) {
                    assertThat(next.next()).isTrue();
                    assertThat(next.getLong(1)).isEqualTo(5);
                }
            } finally {
                connection.setAutoCommit(true);
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = OutboxFeedTest.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
