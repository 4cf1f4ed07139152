-- Every accepted change of the rule settings (PUT /api/v1/rules): who, when, the settings before and after, as
-- the API shows them (JSON). Append-only like the audit log: the rules grain inserts a row before it stores the new
-- settings. Should that store fail, the row names a version above the settings in force and is not listed; the next
-- change of that version adds a newer row, which is the one listed (GET /api/v1/rules/history: newest row per
-- version, versions up to the one in force).
CREATE TABLE IF NOT EXISTS c360_rules_history
(
    id         bigserial   NOT NULL,
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    before     jsonb       NOT NULL,
    after      jsonb       NOT NULL,
    CONSTRAINT pk_c360_rules_history PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_c360_rules_history_version ON c360_rules_history (version, id);
