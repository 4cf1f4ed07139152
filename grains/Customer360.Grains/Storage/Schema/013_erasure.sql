-- Erasure (PIPL's right to deletion, and closed accounts past the legal period): POST /api/v1/customers/{id}/erase.
--
-- The tombstone: a customer erased once stays erased. The customer grain keeps a flag of its own in its snapshot
-- (it refuses every later event), and the read model and the MSISDN index never take a line for an id listed here.
-- No personal data: the id and when.
CREATE TABLE IF NOT EXISTS c360_erased
(
    customer_id text COLLATE "C" NOT NULL,
    erased_at   timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT pk_c360_erased PRIMARY KEY (customer_id)
);

-- What of a journal payload survives erasure, by allow-list: numbers, booleans and dates-as-numbers stay (amounts,
-- megabytes, seconds, counts, so billing figures and usage totals survive), and of the strings only ids, times,
-- months and enumerated codes whose key is named below. Everything else is dropped: name, msisdn, birthday,
-- group, occupation, interests, notes, references, outcomes, reasons, free text, tags, staff names. Arrays lose
-- their strings. A new payload field is dropped until someone names it here, which is the safe way round.
CREATE OR REPLACE FUNCTION c360_erasure_scrub(doc jsonb) RETURNS jsonb
    LANGUAGE sql
    IMMUTABLE
AS $$
    SELECT CASE jsonb_typeof(doc)
        WHEN 'object' THEN coalesce((
            SELECT jsonb_object_agg(e.key, c360_erasure_scrub(e.value))
            FROM jsonb_each(doc) AS e
            WHERE jsonb_typeof(e.value) IN ('number', 'boolean', 'null', 'object', 'array')
               OR e.key IN ('eventId', 'customerId', 'type', 'occurredAt', 'month', 'dueOn', 'joinedOn', 'id', 'storeId',
                            'alertId', 'state', 'kind', 'channel', 'action', 'stage', 'category', 'method',
                            'dispatchedAt', 'dueAt', 'changedAt', 'until', 'at')), '{}'::jsonb)
        WHEN 'array' THEN coalesce((
            SELECT jsonb_agg(c360_erasure_scrub(a.value) ORDER BY a.ordinality)
            FROM jsonb_array_elements(doc) WITH ORDINALITY AS a(value, ordinality)
            WHERE jsonb_typeof(a.value) <> 'string'), '[]'::jsonb)
        ELSE doc
    END
$$;

-- Erases one customer in one transaction: the tombstone, the journal payloads (rewritten by c360_erasure_scrub and
-- marked "erased": true, keeping customer id, sequence, event id, type and times in their columns), the MSISDN
-- index entries (so the number is free for a new customer), the read-model row and the customer's tier changes
-- (which carry the name). Idempotent: a second call finds nothing personal left and answers false. The silo calls
-- it from the customer grain after that grain stored its own erased flag, so a crash between the two is resumed
-- by erasing again, and replay never brings payloads back.
--
-- SECURITY DEFINER because no application role may UPDATE the journal or DELETE from the indexes: this function
-- is the only way to, and it can only blank payloads, never write one.
CREATE OR REPLACE FUNCTION c360_erase_customer(p_customer_id text) RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    newly boolean;
BEGIN
    IF p_customer_id IS NULL OR p_customer_id = '' THEN
        RAISE EXCEPTION 'c360_erase_customer: a customer id is required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO c360_erased (customer_id) VALUES (p_customer_id) ON CONFLICT (customer_id) DO NOTHING;
    newly := FOUND;
    UPDATE c360_journal
    SET payload = (c360_erasure_scrub(payload::jsonb) || '{"erased": true}'::jsonb)::text
    WHERE customer_id = p_customer_id
      AND NOT coalesce((payload::jsonb ->> 'erased')::boolean, false);
    DELETE FROM c360_msisdn WHERE customer_id = p_customer_id;
    DELETE FROM c360_customer_index WHERE customer_id = p_customer_id;
    DELETE FROM c360_tier_changes WHERE customer_id = p_customer_id;
    RETURN newly;
END
$$;

-- As for c360_prune_audit (011): a SECURITY DEFINER function resolves names in its own schema only.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION c360_erase_customer(text) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION c360_erasure_scrub(jsonb) SET search_path = %I, pg_temp', current_schema());
END
$$;

-- Only the silo's role may erase (Storage/Roles/DatabaseGrants.cs); the scrub is the owner's helper.
REVOKE ALL ON FUNCTION c360_erase_customer(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION c360_erasure_scrub(jsonb) FROM PUBLIC;
