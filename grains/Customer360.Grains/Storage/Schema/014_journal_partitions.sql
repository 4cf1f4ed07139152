-- Retention (issue 14): the journal becomes a table partitioned by month, so a month past Retention:JournalMonths
-- leaves as one DROP TABLE once every profile's snapshot covers it, instead of a DELETE of millions of rows.
--
-- The key is occurred_at, not recorded_at: a month's partition holds that month's facts (a late usage record lands
-- with the month it belongs to), and the retention horizon reads as "facts older than 13 months".
--
-- A partitioned table cannot hold a unique index without the partition key, so event_id and (customer_id, seq)
-- are no longer unique on the journal itself. c360_journal_ids takes over both: one row per journaled event,
-- written by the same statement (or the same transaction, for COPY) as the journal row. Its event_id key is what
-- makes a replayed event a duplicate; its (customer_id, seq) key is what still fails the second of two activations
-- of one customer writing at once. Its rows leave with their partition (c360_drop_journal_partition).

ALTER TABLE c360_journal RENAME TO c360_journal_v1;
ALTER TABLE c360_journal_v1 RENAME CONSTRAINT pk_c360_journal TO pk_c360_journal_v1;
ALTER INDEX ux_c360_journal_event_id RENAME TO ux_c360_journal_v1_event_id;

CREATE TABLE c360_journal
(
    customer_id text COLLATE "C" NOT NULL,
    seq         bigint           NOT NULL,
    event_id    text COLLATE "C" NOT NULL,
    type        text             NOT NULL,
    occurred_at timestamptz      NOT NULL,
    recorded_at timestamptz      NOT NULL DEFAULT now(),
    payload     text             NOT NULL
) PARTITION BY RANGE (occurred_at);

-- Replay and the timeline look a customer up by sequence number; every partition gets this index.
CREATE INDEX ix_c360_journal_customer_seq ON c360_journal (customer_id, seq);

CREATE TABLE c360_journal_ids
(
    event_id    text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    seq         bigint           NOT NULL,
    CONSTRAINT pk_c360_journal_ids PRIMARY KEY (event_id),
    CONSTRAINT ux_c360_journal_ids_customer_seq UNIQUE (customer_id, seq)
);

-- How far each customer's stored snapshot reaches: the silo records the journal sequence number of every snapshot
-- it stored (after it was stored, so a mark never claims more than the snapshot holds). A partition may go once no
-- row in it lies beyond its customer's mark. No personal data: an id and a number.
CREATE TABLE c360_snapshot_marks
(
    customer_id text COLLATE "C" NOT NULL,
    seq         bigint           NOT NULL,
    CONSTRAINT pk_c360_snapshot_marks PRIMARY KEY (customer_id)
);

-- Closed accounts (Retention:ClosedAccountRowsDays, Retention:ErasureAfterClosureDays): when each closed, written by
-- the silo's read-model writer from the profile. No personal data: the id and the date.
CREATE TABLE c360_closures
(
    customer_id text COLLATE "C" NOT NULL,
    closed_at   timestamptz      NOT NULL,
    CONSTRAINT pk_c360_closures PRIMARY KEY (customer_id)
);

CREATE INDEX ix_c360_closures_closed_at ON c360_closures (closed_at);

-- Tier changes are pruned by age (Retention:TierChangesDays).
CREATE INDEX IF NOT EXISTS ix_c360_tier_changes_at ON c360_tier_changes (at);

-- The partition of the month holding p_month (UTC), created when missing; true when this call created it. Created
-- as a table of its own and then attached: ATTACH takes a SHARE UPDATE EXCLUSIVE lock on the journal, which appends
-- do not wait for, where CREATE TABLE … PARTITION OF would take an ACCESS EXCLUSIVE one. No DEFAULT partition: an
-- event must land in its own month, and a default one would have to be scanned on every attach.
CREATE FUNCTION c360_create_journal_partition(p_month timestamptz) RETURNS boolean
    LANGUAGE plpgsql
AS $$
DECLARE
    lo   timestamptz := date_trunc('month', p_month AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    hi   timestamptz := (date_trunc('month', p_month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    name text := 'c360_journal_' || to_char(p_month AT TIME ZONE 'UTC', 'YYYY"m"MM');
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE c360_journal INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
    EXECUTE format('ALTER TABLE c360_journal ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
    RETURN true;
END
$$;

-- What the silo calls: the journal before an append that names a month it has not seen, and the retention job for the
-- months ahead. Bounded, so a caller cannot make thousands of tables: at most 36 months a call, none before 2000 (the
-- feed refuses such events) and none more than a year ahead. Serialised by an advisory lock, so two silos asking
-- for the same month at once do not both create it. Returns the number created.
CREATE FUNCTION c360_ensure_journal_partitions(p_months timestamptz[]) RETURNS int
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    m       timestamptz;
    created int := 0;
BEGIN
    IF p_months IS NULL OR cardinality(p_months) > 36 THEN
        RAISE EXCEPTION 'c360_ensure_journal_partitions: give 1 to 36 months, not %', coalesce(cardinality(p_months), 0)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- "C360PART" in ASCII; held to the end of the transaction.
    PERFORM pg_advisory_xact_lock(4825319407186825812);
    FOREACH m IN ARRAY p_months LOOP
        IF m IS NULL OR m < '2000-01-01 00:00:00+00' OR m > now() + interval '1 year' THEN
            RAISE EXCEPTION 'c360_ensure_journal_partitions: month % is outside 2000-01 to a year from now', m
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF c360_create_journal_partition(m) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- Drops the journal partition of the month holding p_month, with its rows in c360_journal_ids, if and only if
--  * the month ended at least p_keep_months months before the current one (never fewer than 1), and
--  * every row in it is covered by its customer's snapshot mark (c360_snapshot_marks.seq >= the row's seq).
-- Answers 'dropped', 'missing' (nothing to drop: already gone), 'too-new' or 'not-covered'. Idempotent, and one
-- transaction: a crash leaves the partition and its ids as they were, and the next run does it again.
--
-- The partition is locked first (SHARE: only late events of that old month wait), so no row can arrive between the
-- check and the drop. DROP then needs an ACCESS EXCLUSIVE lock on the journal for an instant; lock_timeout keeps the
-- drop from queueing appends behind a long reader: past it the drop fails and is retried at the next run. (DETACH
-- CONCURRENTLY would avoid that lock but cannot run inside a function, which is the only way the silo may drop.)
CREATE FUNCTION c360_drop_journal_partition(p_month timestamptz, p_keep_months int) RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    name     text := 'c360_journal_' || to_char(p_month AT TIME ZONE 'UTC', 'YYYY"m"MM');
    hi       timestamptz := (date_trunc('month', p_month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    horizon  timestamptz;
    uncovered boolean;
BEGIN
    IF p_keep_months IS NULL OR p_keep_months < 1 THEN
        RAISE EXCEPTION 'c360_drop_journal_partition: p_keep_months must be at least 1, not %', p_keep_months
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    horizon := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => p_keep_months)) AT TIME ZONE 'UTC';
    IF hi > horizon THEN
        RETURN 'too-new';
    END IF;
    IF to_regclass(name) IS NULL THEN
        RETURN 'missing';
    END IF;
    SET LOCAL lock_timeout = '5s';
    EXECUTE format('LOCK TABLE %I IN SHARE MODE', name);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I j LEFT JOIN c360_snapshot_marks m ON m.customer_id = j.customer_id '
                   'WHERE j.seq > coalesce(m.seq, 0))', name) INTO uncovered;
    IF uncovered THEN
        RETURN 'not-covered';
    END IF;
    EXECUTE format('DELETE FROM c360_journal_ids i USING %I j WHERE i.event_id = j.event_id '
                   'AND i.customer_id = j.customer_id AND i.seq = j.seq', name);
    EXECUTE format('DROP TABLE %I', name);
    RETURN 'dropped';
END
$$;

-- The months that have a journal partition, oldest first (for the retention job, which may not read the catalog's
-- partition bounds by itself in a simple way).
CREATE FUNCTION c360_journal_partitions() RETURNS TABLE (month timestamptz, name text)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
AS $$
    SELECT to_date(substring(c.relname FROM '([0-9]{4}m[0-9]{2})$'), 'YYYY"m"MM')::timestamp AT TIME ZONE 'UTC' AS month,
           c.relname::text
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'c360_journal'::regclass
    ORDER BY 1
$$;

-- Tier changes older than p_days (Retention:TierChangesDays), at most p_limit rows a call; never under 30 days.
CREATE FUNCTION c360_prune_tier_changes(p_days int, p_limit int) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    deleted bigint;
BEGIN
    IF p_days IS NULL OR p_days < 30 THEN
        RAISE EXCEPTION 'c360_prune_tier_changes: p_days must be at least 30, not %', p_days USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM c360_tier_changes WHERE id IN (
        SELECT id FROM c360_tier_changes WHERE at < now() - make_interval(days => p_days) ORDER BY at LIMIT greatest(p_limit, 1));
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

-- Read-model rows of accounts closed more than p_days ago (Retention:ClosedAccountRowsDays), at most p_limit a call;
-- never under 30 days. The silo's read-model writer no longer writes such lines back.
CREATE FUNCTION c360_prune_closed_rows(p_days int, p_limit int) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    deleted bigint;
BEGIN
    IF p_days IS NULL OR p_days < 30 THEN
        RAISE EXCEPTION 'c360_prune_closed_rows: p_days must be at least 30, not %', p_days USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM c360_customer_index WHERE customer_id IN (
        SELECT x.customer_id FROM c360_customer_index x JOIN c360_closures c ON c.customer_id = x.customer_id
        WHERE c.closed_at < now() - make_interval(days => p_days) LIMIT greatest(p_limit, 1));
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

-- The audit entry of an erasure by the retention job, written before it erases (as the erase route does). The silo's
-- role may not write the audit log: this writes one entry of one shape only (actor "retention", kind "erasure"), and
-- only for an account whose closure is recorded, so a silo that is taken over cannot forge others.
CREATE FUNCTION c360_audit_retention_erasure(p_customer_id text, p_detail text) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM c360_closures WHERE customer_id = p_customer_id) THEN
        RAISE EXCEPTION 'c360_audit_retention_erasure: customer % has no recorded closure', p_customer_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO c360_audit (at, user_name, role, customer_id, through, detail, kind)
    VALUES (now(), 'retention', 'system', p_customer_id, 'retention job', left(p_detail, 500), 'erasure');
END
$$;

-- The existing journal, converted in place: a partition for every month it holds (and this one), its rows moved
-- across with their ids, the old table dropped. One transaction with the rest of this script.
DO $$
DECLARE
    m timestamptz;
BEGIN
    FOR m IN SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' FROM c360_journal_v1
             UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' LOOP
        PERFORM c360_create_journal_partition(m);
    END LOOP;
END
$$;

INSERT INTO c360_journal (customer_id, seq, event_id, type, occurred_at, recorded_at, payload)
SELECT customer_id, seq, event_id, type, occurred_at, recorded_at, payload FROM c360_journal_v1;

INSERT INTO c360_journal_ids (event_id, customer_id, seq)
SELECT event_id, customer_id, seq FROM c360_journal_v1;

DROP TABLE c360_journal_v1;

-- SECURITY DEFINER functions resolve names in their own schema only (as 011 and 013 do).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION c360_create_journal_partition(timestamptz) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_ensure_journal_partitions(timestamptz[]) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_drop_journal_partition(timestamptz, int) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_journal_partitions() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_prune_tier_changes(int, int) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_prune_closed_rows(int, int) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_audit_retention_erasure(text, text) SET search_path = %I, pg_temp', current_schema());
END
$$;

REVOKE ALL ON FUNCTION c360_create_journal_partition(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_ensure_journal_partitions(timestamptz[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_drop_journal_partition(timestamptz, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_journal_partitions() FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_prune_tier_changes(int, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_prune_closed_rows(int, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_audit_retention_erasure(text, text) FROM PUBLIC;
