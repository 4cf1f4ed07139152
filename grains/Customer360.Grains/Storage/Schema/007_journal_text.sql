-- The journal is written far more than it is read, and PostgreSQL's share of each append is most of the cost
-- of ingestion. Two changes make an append cheaper without changing what is kept:
--  * ids compare byte-wise (COLLATE "C"): the primary key and the event_id index are sorted by id, and
--    locale-aware comparison is several times slower and means nothing for ids;
--  * the payload is kept as the JSON text the silo wrote, not parsed into jsonb on every append. It is read
--    back only to replay a profile, and a query that wants to look inside casts it (payload::jsonb).
-- The MSISDN index no longer looks into the payload: the append passes the numbers alongside.
ALTER TABLE c360_journal
    ALTER COLUMN customer_id TYPE text COLLATE "C",
    ALTER COLUMN event_id TYPE text COLLATE "C",
    ALTER COLUMN payload TYPE text USING payload::text;
