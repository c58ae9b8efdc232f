-- CQP, CQPI (certificats de qualification professionnelle, interbranches) and other directory certifications.
CREATE TABLE certification (
    id             UUID         PRIMARY KEY,
    kind           VARCHAR(8)   NOT NULL CHECK (kind IN ('CQP', 'CQPI', 'OTHER')),
    title          VARCHAR(300) NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    -- API: written by a certifier; DIRECTORY_IMPORT: carries what France compétences' directory gives.
    source         VARCHAR(32)  NOT NULL CHECK (source IN ('API', 'DIRECTORY_IMPORT')),
    nsf_codes      JSONB        NOT NULL,
    rome_codes     JSONB        NOT NULL,
    created_on     DATE         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    -- Optimistic lock, exposed as the ETag.
    version        BIGINT       NOT NULL,
    -- Sequence number of the last event published about this certification (0: none yet).
    event_sequence BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX certification_status_idx ON certification (status);
CREATE INDEX certification_kind_idx ON certification (kind);

-- The issuing CPNEs (commissions paritaires nationales de l'emploi), in the order given; their IDCC codes are the
-- carrying branches.
CREATE TABLE certification_cpne (
    certification_id UUID         NOT NULL REFERENCES certification (id) ON DELETE CASCADE,
    position         INTEGER      NOT NULL,
    name             VARCHAR(200) NOT NULL,
    idcc             CHAR(4)      NOT NULL REFERENCES branch (idcc),
    PRIMARY KEY (certification_id, position)
);
CREATE INDEX certification_cpne_idcc_idx ON certification_cpne (idcc);

-- Versions of the three frameworks (référentiels d'activités, de compétences, d'évaluation). Immutable: a change is
-- a new version.
CREATE TABLE framework_version (
    certification_id UUID         NOT NULL REFERENCES certification (id) ON DELETE CASCADE,
    kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('ACTIVITIES', 'SKILLS', 'EVALUATION')),
    number           INTEGER      NOT NULL CHECK (number > 0),
    effective_date   DATE         NOT NULL,
    author           VARCHAR(200) NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    content          JSONB        NOT NULL,
    PRIMARY KEY (certification_id, kind, number)
);
