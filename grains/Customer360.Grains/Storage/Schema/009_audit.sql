-- The audit log of profile reads (ARCHITECTURE.md, "Access"): who read which customer, when, and through what
-- (`GET /api/v1/customers/{id}`, `hub Subscribe customer:…`, `search`). The gateways write it in batches
-- (gateway/Audit/AuditLog.cs); rows are only ever appended. It holds customer ids and user names, never a
-- phone number or a token: `through` is the route template, not the path that was asked for.
CREATE TABLE IF NOT EXISTS c360_audit
(
    id          bigserial   NOT NULL,
    at          timestamptz NOT NULL,
    user_name   text        NOT NULL,
    role        text        NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    through     text        NOT NULL,
    detail      text        NULL,
    CONSTRAINT pk_c360_audit PRIMARY KEY (id)
);

-- The administrator's questions, newest first: who read this customer, what did this user read, and what
-- happened lately. `id` breaks ties between reads of the same instant, so a page is always in one order.
CREATE INDEX IF NOT EXISTS ix_c360_audit_customer_at ON c360_audit (customer_id, at, id);
CREATE INDEX IF NOT EXISTS ix_c360_audit_user_at ON c360_audit (user_name, at, id);
CREATE INDEX IF NOT EXISTS ix_c360_audit_at ON c360_audit (at, id);
