-- The audit log grows past profile reads (issue 13): list lines, staff actions, denials, sign-ins, user and rules
-- changes. `kind` says which (gateway/Audit/AuditKinds.cs); rows written before this script were profile reads.
ALTER TABLE c360_audit ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'read';

-- "Every sign-in of last week", "every rules change": by kind, newest first.
CREATE INDEX IF NOT EXISTS ix_c360_audit_kind_at ON c360_audit (kind, at, id);

-- Retention (Audit:RetentionDays). No application role may UPDATE or DELETE audit rows, so pruning goes through
-- this function, which runs as its owner (the role applying the schema) and can only delete rows older than the
-- retention it is given, never less than 30 days: a gateway that is taken over cannot empty the log through it.
CREATE OR REPLACE FUNCTION c360_prune_audit(retention_days int) RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
AS $$
DECLARE
    deleted bigint;
BEGIN
    IF retention_days IS NULL OR retention_days < 30 THEN
        RAISE EXCEPTION 'c360_prune_audit: retention_days must be at least 30, not %', retention_days
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM c360_audit WHERE at < now() - make_interval(days => retention_days);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

-- A SECURITY DEFINER function must not resolve names through its caller's search_path (a caller could shadow
-- c360_audit or an operator): pin it to the schema the log lives in, with pg_temp last.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION c360_prune_audit(int) SET search_path = %I, pg_temp', current_schema());
END
$$;

-- Only roles granted it may prune: the gateway's (Storage/Roles/DatabaseGrants.cs).
REVOKE ALL ON FUNCTION c360_prune_audit(int) FROM PUBLIC;
