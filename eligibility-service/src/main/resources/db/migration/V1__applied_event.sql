-- Last event applied per certification and topic: an event whose sequence number is not greater changes nothing,
-- which makes at-least-once delivery apply each event exactly once in effect.
CREATE TABLE applied_event (
    topic            VARCHAR(128) NOT NULL,
    certification_id UUID         NOT NULL,
    sequence         BIGINT       NOT NULL CHECK (sequence > 0),
    applied_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, certification_id)
);
