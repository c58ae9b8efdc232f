-- Feed order of the published events (module cqp-outbox), for readers that page through them by cursor
-- (OutboxFeed, e.g. an HTTP feed "GET /events?after=<cursor>"). Shipped in the cqp-outbox jar next to V0_1.
--
-- Why not `position`: positions are assigned at insert, but rows commit in any order across keys. A row with a lower
-- position can commit (and be published) after a row with a higher position was already served: a reader resuming
-- "after position N" would skip it for ever. feed_position is assigned instead by the relay when it marks a row
-- published, in publication order, from the sequence below and in the same transaction that sets published_at. Only
-- the holder of the relay lock assigns it, and the lock is held from before the numbers are drawn until that
-- transaction has committed, so every feed_position committed later is greater than every one committed before: a
-- reader that saw feed_position N never later sees a new row at or below N (see OutboxPublisher).
ALTER TABLE outbox_event ADD COLUMN feed_position BIGINT;

-- A sequence rather than max(feed_position) + 1: it never goes back, even once old published rows are deleted (the
-- README's clean-up), which would otherwise hand out cursors that readers have already passed. A relay transaction
-- that rolls back after drawing numbers leaves a gap, which a reader resuming "after N" does not notice.
CREATE SEQUENCE outbox_event_feed_position_seq AS BIGINT OWNED BY outbox_event.feed_position;

-- Rows published before this migration: numbered in position order, the order the relay published them in. The
-- relay lock keeps a running relay (an instance still on the previous version) from committing a batch in between.
SELECT pg_advisory_xact_lock(7165631822568977506); -- OutboxPublisher.RELAY_LOCK_KEY, 0x6371702D6F757462
UPDATE outbox_event e
SET feed_position = numbered.n
FROM (SELECT id, row_number() OVER (ORDER BY position) AS n FROM outbox_event WHERE published_at IS NOT NULL)
    AS numbered
WHERE e.id = numbered.id;
SELECT setval('outbox_event_feed_position_seq', COALESCE(max(feed_position), 0) + 1, false) FROM outbox_event;

-- NULL (never published) rows are not concerned: a unique constraint lets NULLs repeat. Its b-tree index is the one
-- the feed reads: "feed_position > :after ORDER BY feed_position LIMIT :limit" is an index range scan, no sort.
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_feed_position_uq UNIQUE (feed_position);
