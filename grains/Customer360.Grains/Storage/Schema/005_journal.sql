-- The project's event journal: every acknowledged event, per customer in sequence order. It is the source of
-- truth that grain snapshots are rebuilt from, so rows are only ever appended.
--
-- (customer_id, seq) catches two activations of one customer writing at once: the second append fails.
-- event_id is unique across the whole feed so a replayed event is recognised as a duplicate
-- (PostgresEventJournal relies on ON CONFLICT (event_id) DO NOTHING).
CREATE TABLE IF NOT EXISTS c360_journal
(
    customer_id text        NOT NULL,
    seq         bigint      NOT NULL,
    event_id    text        NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    payload     jsonb       NOT NULL,
    CONSTRAINT pk_c360_journal PRIMARY KEY (customer_id, seq)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_c360_journal_event_id ON c360_journal (event_id);
