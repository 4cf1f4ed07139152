-- Every accepted change of the rule settings (PUT /api/v1/rules): who, when, the settings before and after, as
-- the API shows them (JSON). Written by the rules grain before it stores the new settings, keyed by the version
-- the change creates. A row whose version is above the settings in force is a change whose store failed; it is not
-- listed, and the next change of that version replaces it (GET /api/v1/rules/history).
CREATE TABLE IF NOT EXISTS c360_rules_history
(
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    before     jsonb       NOT NULL,
    after      jsonb       NOT NULL,
    CONSTRAINT pk_c360_rules_history PRIMARY KEY (version)
);
