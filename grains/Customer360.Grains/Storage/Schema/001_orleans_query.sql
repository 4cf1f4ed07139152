-- The Orleans AdoNet providers (clustering, grain persistence, reminders) run no SQL of their own: at start
-- each one reads the statements it needs from this table, by key, and fails to start if a required key is
-- missing. Later scripts upsert their keys here. Providers read the table only when they start, so a changed
-- query takes effect at the next silo restart.
--
-- The providers query it as the unquoted identifiers OrleansQuery/QueryKey/QueryText, which PostgreSQL folds
-- to lower case, so the names here must stay unquoted too.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);
