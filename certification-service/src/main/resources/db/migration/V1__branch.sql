-- Professional branches (branches professionnelles), identified by the IDCC code of their collective agreement.
CREATE TABLE branch (
    idcc        CHAR(4)      PRIMARY KEY CHECK (idcc ~ '^[0-9]{4}$'),
    label       TEXT         NOT NULL,
    legal_state VARCHAR(32)  NOT NULL,
    kali_id     VARCHAR(32)
);
CREATE INDEX branch_legal_state_idx ON branch (legal_state);
