-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet. Orleans' ClusterId is the deployment id here.
--
-- The version row is the table-wide optimistic-concurrency token of Orleans' membership protocol: every
-- insert or update of a member must move it from the version the silo last read (@Version) to the next one,
-- in the same statement as the member change, or do nothing and report false. Because every such write
-- updates the one version row of the cluster, PostgreSQL's row lock serialises them: a writer that raced
-- finds the version already moved and gets false, so Orleans re-reads and retries.
CREATE TABLE IF NOT EXISTS c360_membership_version
(
    deployment_id text        NOT NULL,
    version       int         NOT NULL DEFAULT 0,
    modified_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_c360_membership_version PRIMARY KEY (deployment_id)
);

-- One row per silo incarnation. Status holds Orleans' SiloStatus (3 = Active, 6 = Dead). Times are UTC.
-- Orleans parses Address with IPAddress.Parse and casts SiloName/HostName straight to string, so they may not
-- be null. The cascade lets DeleteMembershipTableEntriesKey remove a whole deployment with one delete.
CREATE TABLE IF NOT EXISTS c360_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            int         NOT NULL,
    generation      int         NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          int         NOT NULL,
    proxy_port      int         NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT pk_c360_membership PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT fk_c360_membership_version FOREIGN KEY (deployment_id)
        REFERENCES c360_membership_version (deployment_id) ON DELETE CASCADE
);

-- Result columns are quoted so their names match what Orleans reads exactly. Boolean results are a single
-- integer column, > 0 meaning true.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO c360_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::int FROM inserted
$q$),

-- The member row is only written when the version row moved, and the version row only moves when no such
-- member exists yet, so a failed insert leaves the version untouched.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE c360_membership_version AS v
    SET version = v.version + 1, modified_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (SELECT 1 FROM c360_membership AS m
                      WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                        AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), inserted AS (
    INSERT INTO c360_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                 proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped AS b
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT count(*)::int FROM inserted
$q$),

('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE c360_membership_version AS v
    SET version = v.version + 1, modified_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND EXISTS (SELECT 1 FROM c360_membership AS m
                  WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                    AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), updated AS (
    UPDATE c360_membership AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped AS b
    WHERE m.deployment_id = b.deployment_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::int FROM updated
$q$),

-- A heartbeat: deliberately outside the version protocol, and Orleans ignores its result.
('UpdateIAmAlivetimeKey', $q$
UPDATE c360_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- The version row comes back even when the member is absent (LEFT JOIN): Orleans needs the table version in
-- every read, and takes a row with a NULL StartTime to mean "no member".
('MembershipReadRowKey', $q$
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
FROM c360_membership_version AS v
LEFT JOIN c360_membership AS m
       ON m.deployment_id = v.deployment_id AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
FROM c360_membership_version AS v
LEFT JOIN c360_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- Clients find gateways here; Orleans passes @Status = Active.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM c360_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM c360_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Required, but Orleans 10.4.2 runs it only when CleanupDefunctSiloEntryKey below is missing: it removes
-- dead silos whose start and last heartbeat are both older than the cutoff (@IAmAliveTime). Suspect-vote
-- times are not parsed here; votes precede the death declaration, which the heartbeat cutoff already covers.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM c360_membership
WHERE deployment_id = @DeploymentId AND status = 6
  AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
$q$),

-- Optional key, preferred by Orleans 10.4.2 when present: Orleans picks the expired dead rows itself (from
-- start, heartbeat and suspect-vote times) and deletes each one only if the values it judged by are still
-- what the row holds, so a row changed since that read is kept. NULL and empty suspect lists are the same
-- list to Orleans, hence the coalesce.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM c360_membership
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
