-- Reminders for Microsoft.Orleans.Reminders.AdoNet, keyed by Orleans' ServiceId so they survive cluster
-- redeployments. grain_id is GrainId.ToString(); grain_hash is its uniform hash as a signed int, by which
-- each silo reads the slice of the hash ring it owns. period is in milliseconds. version is the ETag.
CREATE TABLE IF NOT EXISTS c360_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    int         NOT NULL,
    version       int         NOT NULL,
    CONSTRAINT pk_c360_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_c360_reminders_ring ON c360_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Registering an existing reminder again replaces its schedule and moves its version.
('UpsertReminderRowKey', $q$
INSERT INTO c360_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
    version = c360_reminders.version + 1
RETURNING version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM c360_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM c360_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- The range (@BeginHash, @EndHash] on the signed ring: Orleans uses Rows1 when begin < end ...
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM c360_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- ... and Rows2 when the range wraps past the end of the ring.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM c360_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Deletes only the version the caller read; the count is the boolean result (> 0 = deleted).
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM c360_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT count(*)::int FROM deleted
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM c360_reminders WHERE service_id = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
