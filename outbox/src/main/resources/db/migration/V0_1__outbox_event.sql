-- Transactional outbox (module cqp-outbox). Shipped in the cqp-outbox jar under the default Flyway location
-- db/migration: a service that depends on cqp-outbox gets this table with its own migrations. Version 0.1 sorts below
-- every service migration (V1, V2...), so on a new database it runs first.
--
-- One row per event, written in the same transaction as the business change (Outbox.append); the relay
-- (OutboxRelay) publishes unpublished rows to Kafka in position order and sets published_at.
CREATE TABLE outbox_event (
    -- CloudEvents id (ce_id): consumers deduplicate on it.
    id           UUID         PRIMARY KEY,
    -- Publication order: rows are relayed by ascending position.
    position     BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic        VARCHAR(249) NOT NULL,
    -- Kafka message key (the certification id): all events of one key go to one partition, in order.
    message_key  VARCHAR(255) NOT NULL,
    -- ce_type, ce_source, ce_subject
    event_type   VARCHAR(255) NOT NULL,
    source       VARCHAR(255) NOT NULL,
    subject      VARCHAR(255),
    -- Per-aggregate sequence number (ce_sequence), given by the service; optional.
    sequence     BIGINT,
    -- ce_time
    occurred_at  TIMESTAMPTZ  NOT NULL,
    -- The CloudEvent data, published byte for byte (json keeps the text as written; jsonb would reorder keys).
    payload      JSON         NOT NULL,
    -- NULL until the broker acknowledged the record (acks=all).
    published_at TIMESTAMPTZ,
    -- Publication attempts, and the error of the last failed one.
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   TEXT,
    -- Two events of one key with the same sequence would make a consumer that skips "sequence <= last applied"
    -- drop the second one silently: refuse it at commit instead.
    CONSTRAINT outbox_event_key_sequence_uq UNIQUE (topic, message_key, sequence)
);

-- What the relay reads at every poll: the unpublished rows, by position.
CREATE INDEX outbox_event_pending_idx ON outbox_event (position) WHERE published_at IS NULL;
