-- The MSISDN index: which customer a phone number belongs to, so producers may identify a customer by number.
-- It is written by the journal's own append statement (PostgresEventJournal), in the same transaction as the
-- registration or update that names the number: the index can never disagree with what was acknowledged.
-- `since` is when that event occurred, so a late, older registration never takes back a reassigned number.
CREATE TABLE IF NOT EXISTS c360_msisdn
(
    msisdn      text        NOT NULL,
    customer_id text        NOT NULL,
    since       timestamptz NOT NULL,
    CONSTRAINT pk_c360_msisdn PRIMARY KEY (msisdn)
);

CREATE INDEX IF NOT EXISTS ix_c360_msisdn_customer ON c360_msisdn (customer_id);
