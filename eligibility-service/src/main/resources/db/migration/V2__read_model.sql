-- The read model: what the rules need, projected from the last applied state of each certification on both topics.
-- Every event carries the certification's full state, so applying one replaces that certification's rows; the
-- applied_event table (V1) decides whether an event is newer than what was applied.

-- From cqp.certification.events: one row per certification.
CREATE TABLE certification (
    id                UUID          PRIMARY KEY,
    kind              VARCHAR(8)    NOT NULL CHECK (kind IN ('CQP', 'CQPI', 'OTHER')),
    title             TEXT          NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    -- [{"name": "CPNE ...", "idcc": "0018"}], in the certification's order.
    cpnes             JSONB         NOT NULL,
    carrying_branches VARCHAR(4)[]  NOT NULL,
    nsf_codes         VARCHAR(16)[] NOT NULL,
    rome_codes        VARCHAR(16)[] NOT NULL,
    -- Lower-case title without accents, for the catalogue's text search.
    search_text       TEXT          NOT NULL,
    event_time        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX certification_title ON certification (title, id);
CREATE INDEX certification_rome ON certification USING GIN (rome_codes);
CREATE INDEX certification_branches ON certification USING GIN (carrying_branches);

-- From cqp.registration.events: the transmissions of one certification (its registrations are below).
CREATE TABLE transmission_record (
    certification_id   UUID        PRIMARY KEY,
    -- Oldest first, as in the event; the rules use the last one (see CertificationFacts).
    transmission_dates DATE[]      NOT NULL,
    transmitted_on     DATE,
    event_time         TIMESTAMPTZ NOT NULL
);

-- From cqp.registration.events: every registration (RNCP or RS) of a certification, whatever its status.
CREATE TABLE registration (
    id               UUID        PRIMARY KEY,
    certification_id UUID        NOT NULL,
    position         INT         NOT NULL,
    directory        VARCHAR(4)  NOT NULL CHECK (directory IN ('RNCP', 'RS')),
    code             VARCHAR(16),
    status           VARCHAR(16) NOT NULL,
    effective_from   DATE,
    ends_on          DATE,
    decided_on       DATE,
    level            SMALLINT CHECK (level BETWEEN 1 AND 8),
    block_codes      VARCHAR(24)[] NOT NULL,
    withdrawn_on     DATE,
    successor_id     UUID,
    successor_code   VARCHAR(16),
    UNIQUE (certification_id, position)
);
CREATE INDEX registration_code ON registration (code);
-- The catalogue looks for registrations in force on a date.
CREATE INDEX registration_in_force ON registration (certification_id, effective_from, ends_on)
    WHERE effective_from IS NOT NULL AND status NOT IN ('REQUESTED', 'REFUSED');

-- Progress of the consumption, per topic: freshness (time of the last applied event) and counters that survive a
-- restart (the Prometheus counters do not).
CREATE TABLE topic_progress (
    topic           VARCHAR(128) PRIMARY KEY,
    last_event_time TIMESTAMPTZ,
    last_applied_at TIMESTAMPTZ,
    applied         BIGINT       NOT NULL DEFAULT 0,
    ignored         BIGINT       NOT NULL DEFAULT 0,
    gaps            BIGINT       NOT NULL DEFAULT 0
);
