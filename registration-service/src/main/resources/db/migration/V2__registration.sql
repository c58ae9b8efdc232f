-- Who recorded a transmission, and whether it was inferred from a directory import (not recorded by France compétences).
ALTER TABLE transmission ADD COLUMN recorded_by VARCHAR(200);
ALTER TABLE transmission ADD COLUMN inferred BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per certification known to this service: the sequence number of its last event, and the row that
-- serializes concurrent changes of its registrations (locked for update by every write).
CREATE TABLE registered_certification (
    certification_id UUID        PRIMARY KEY,
    event_sequence   BIGINT      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Registrations in the RNCP (répertoire national des certifications professionnelles) or the RS (répertoire
-- spécifique), each with its current lifecycle state.
CREATE TABLE registration (
    id                UUID         PRIMARY KEY,
    certification_id  UUID         NOT NULL REFERENCES registered_certification (certification_id),
    directory         VARCHAR(4)   NOT NULL CHECK (directory IN ('RNCP', 'RS')),
    status            VARCHAR(16)  NOT NULL
        CHECK (status IN ('REQUESTED', 'REGISTERED', 'REFUSED', 'WITHDRAWN', 'EXPIRED', 'REPLACED')),
    code              VARCHAR(16),
    registration_type VARCHAR(16)  CHECK (registration_type IN ('ON_REQUEST', 'BY_RIGHT')),
    requested_on      DATE,
    decided_on        DATE,
    effective_from    DATE,
    ends_on           DATE,
    level             SMALLINT     CHECK (level BETWEEN 1 AND 8),
    award_deadline    DATE,
    blocks            JSONB        NOT NULL,
    withdrawn_on      DATE,
    withdrawal_reason VARCHAR(500),
    predecessor_id    UUID         REFERENCES registration (id),
    successor_id      UUID         REFERENCES registration (id),
    predecessor_code  VARCHAR(16),
    successor_code    VARCHAR(16),
    recorded_at       TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    -- Request order within a certification.
    position          BIGINT       GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX registration_certification_idx ON registration (certification_id, position);
-- A code names one registration per directory; a renewal that keeps its predecessor's code replaces it.
CREATE UNIQUE INDEX registration_code_uq ON registration (directory, code) WHERE code IS NOT NULL AND status <> 'REPLACED';
-- What the expiry job looks for.
CREATE INDEX registration_expiry_idx ON registration (ends_on) WHERE status = 'REGISTERED';

-- Every change, append-only: the full history of each registration.
CREATE TABLE registration_history (
    id               BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registration_id  UUID         NOT NULL REFERENCES registration (id),
    certification_id UUID         NOT NULL,
    action           VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    details          JSONB        NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    recorded_by      VARCHAR(200) NOT NULL
);
CREATE INDEX registration_history_registration_idx ON registration_history (registration_id, id);
