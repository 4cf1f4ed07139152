-- Grain state for Microsoft.Orleans.Persistence.AdoNet (provider "profiles" and any other AdoNet storage).
--
-- A grain is identified by service, grain type and key: N0/N1 carry a Guid or integer key, the extension
-- carries a string key or key extension (NULL when there is none). The two hashes are derived from those by
-- Orleans; they lead the index so lookups stay narrow. `version` is the grain's ETag.
CREATE TABLE IF NOT EXISTS c360_grain_state
(
    service_id         text        NOT NULL,
    grain_type_hash    int         NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_hash      int         NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NULL,
    payload            bytea       NULL,
    modified_on        timestamptz NOT NULL DEFAULT now(),
    version            int         NOT NULL
);

-- One row per grain, enforced, so two activations racing on a first write cannot both insert. NULLS NOT
-- DISTINCT (PostgreSQL 15+) makes a missing extension count as one value. The texts are indexed as md5 so a
-- long string key cannot exceed the btree row limit; lookups compare the full texts anyway.
CREATE UNIQUE INDEX IF NOT EXISTS ux_c360_grain_state_grain
    ON c360_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id,
                         md5(grain_type), md5(grain_id_extension))
    NULLS NOT DISTINCT;

-- Returns the new version, or NULL when the write must not happen; Orleans turns NULL into an
-- InconsistentStateException. A NULL expected version means the grain has never seen a stored row, so only
-- a first insert may succeed: if the row exists (another activation wrote it), that is a conflict, not an
-- overwrite. Otherwise the stored version must equal the expected one; concurrent updates serialise on the
-- row lock and the loser re-checks the version and finds it moved.
CREATE OR REPLACE FUNCTION c360_write_grain_state(
    p_grain_id_hash      int,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_type_hash    int,
    p_grain_type         text,
    p_grain_id_extension text,
    p_service_id         text,
    p_expected_version   int,
    p_payload            bytea)
    RETURNS int
    LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version int;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO c360_grain_state (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0,
                                      grain_id_n1, grain_id_extension, payload, version)
        VALUES (p_service_id, p_grain_type_hash, p_grain_type, p_grain_id_hash, p_grain_id_n0,
                p_grain_id_n1, p_grain_id_extension, p_payload, 1)
        ON CONFLICT (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id,
                     md5(grain_type), md5(grain_id_extension))
        DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        UPDATE c360_grain_state AS s
        SET payload = p_payload, version = s.version + 1, modified_on = now()
        WHERE s.grain_id_hash = p_grain_id_hash AND s.grain_type_hash = p_grain_type_hash
          AND s.grain_id_n0 = p_grain_id_n0 AND s.grain_id_n1 = p_grain_id_n1
          AND s.service_id = p_service_id AND s.grain_type = p_grain_type
          AND s.grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension
          AND s.version = p_expected_version
        RETURNING s.version INTO new_version;
    END IF;
    RETURN new_version;
END
$fn$;

-- Result column names are what Orleans reads: NewGrainStateVersion for writes, PayloadBinary and Version for
-- reads (a NULL payload reads as "no state" but keeps the version as ETag). Clear and delete return the new
-- version in their first column; no row back means a version conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
SELECT c360_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                              @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS "NewGrainStateVersion"
$q$),

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM c360_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Keeps the row with a NULL payload so the version keeps growing and a stale activation still conflicts.
('ClearStorageKey', $q$
UPDATE c360_grain_state
SET payload = NULL, version = version + 1, modified_on = now()
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$),

-- Used instead of ClearStorageKey when the provider is configured with DeleteStateOnClear = true.
('DeleteStorageKey', $q$
DELETE FROM c360_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
