-- The read model behind lists and search: one row per registered customer with what lists show and filter on,
-- kept current from profile changes by each silo's CustomerIndexWriter (seconds behind at most). It is derived
-- data: the customer grains are the truth, and a row is only ever replaced by a newer version of its profile.
CREATE TABLE IF NOT EXISTS c360_customer_index
(
    customer_id        text COLLATE "C" NOT NULL,
    version            bigint      NOT NULL,
    name               text        NOT NULL,
    msisdn             text        NOT NULL,
    region             text        NOT NULL,
    home_store_id      text,
    account_manager_id text,
    phone_manager_id   text,
    tier               text,
    stage              text,
    tags               text[]      NOT NULL,
    alert_ids          text[]      NOT NULL,
    open_alerts        int         NOT NULL,
    churn_risk         boolean     NOT NULL,
    attention          int         NOT NULL,
    in_mid_high_base   boolean     NOT NULL,
    retained           boolean     NOT NULL,
    summary            text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT pk_c360_customer_index PRIMARY KEY (customer_id)
);

CREATE INDEX IF NOT EXISTS ix_c360_customer_index_am ON c360_customer_index (account_manager_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_pm ON c360_customer_index (phone_manager_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_region ON c360_customer_index (region, tier, stage);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_store ON c360_customer_index (home_store_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_tags ON c360_customer_index USING gin (tags);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_alerts ON c360_customer_index USING gin (alert_ids);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_msisdn ON c360_customer_index (msisdn);

-- Tier changes as supervisors see them, newest last: the region's feed survives restarts.
CREATE TABLE IF NOT EXISTS c360_tier_changes
(
    id          bigserial   NOT NULL,
    region      text        NOT NULL,
    customer_id text        NOT NULL,
    change      text        NOT NULL,
    at          timestamptz NOT NULL,
    CONSTRAINT pk_c360_tier_changes PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_c360_tier_changes_region ON c360_tier_changes (region, id DESC);
