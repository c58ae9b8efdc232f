-- The test service's own table: the "business change" written in the same transaction as its outbox event.
CREATE TABLE test_certification (
    id      VARCHAR(64) PRIMARY KEY,
    label   TEXT        NOT NULL,
    version BIGINT      NOT NULL
);
