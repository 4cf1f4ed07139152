-- The people (and producers) who may sign in to the gateway (issue 13, "Users"). The gateways read and write
-- this table; the silo never does. A password is kept only as ASP.NET Core Identity's salted PBKDF2 hash.
-- `name_key` is the lower-cased name: names are unique without regard to case, and the name as typed at
-- creation is kept for display.
CREATE TABLE IF NOT EXISTS c360_users
(
    name_key             text        COLLATE "C" NOT NULL,
    name                 text        NOT NULL,
    password_hash        text        NOT NULL,
    role                 text        NOT NULL,
    store_id             text        NULL,
    manager_id           text        NULL,
    region               text        NULL,
    -- For role ingest: the event groups it may send (usage, master-data, store-systems) and its stores.
    grants               text[]      NOT NULL DEFAULT '{}',
    stores               text[]      NOT NULL DEFAULT '{}',
    disabled             boolean     NOT NULL DEFAULT false,
    -- Tokens issued before this instant are refused: set on disable and on a password reset.
    sessions_valid_after timestamptz NOT NULL DEFAULT '-infinity',
    failed_sign_ins      int         NOT NULL DEFAULT 0,
    locked_until         timestamptz NULL,
    -- A demo user (Auth:DemoMode) is exempt from the password policy and may be refused outside demo mode.
    demo                 boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           text        NOT NULL,
    CONSTRAINT pk_c360_users PRIMARY KEY (name_key),
    CONSTRAINT ck_c360_users_name_key CHECK (name_key = lower(name))
);

