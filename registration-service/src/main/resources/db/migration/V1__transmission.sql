-- Transmissions of a certification to France compétences. Append-only: a correction is a new row, never an update.
CREATE TABLE transmission (
    id               BIGSERIAL    PRIMARY KEY,
    certification_id UUID         NOT NULL,
    transmitted_on   DATE         NOT NULL,
    reference        VARCHAR(64)  NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX transmission_certification_idx ON transmission (certification_id, recorded_at);
