-- Search and lists at operator scale (issue 15): with a million rows, a page must be an index scan in the lists'
-- order (attention desc, name, customer_id) that stops after 50 rows, never a sort of every match.
--
-- Each scope gets the order behind its own key: an account manager's and a phone manager's customers, a
-- supervisor's region, and the whole table for administrators. These replace the single-column manager indexes
-- and (region, tier, stage) — a region's tier board still groups by a region prefix. The home store index goes:
-- no statement reads by home store (a store searches its walk-ins, by customer id). So the writer maintains one
-- more full index than before (plus the small partial one below). A name prefix (case-insensitive, any
-- collation) has its own index; customer id and msisdn are exact lookups on the indexes they already have.
--
-- The alert queue reads only a phone manager's customers with open alerts (a few per cent): a partial index
-- holds just those rows, so it is small and costs the writer nothing for the other customers.
--
-- Built in the migration's transaction: on a populated read model the writer waits for the build (about a
-- minute for a million rows); the read model is derived data, so nothing is lost meanwhile.
DROP INDEX IF EXISTS ix_c360_customer_index_am;
DROP INDEX IF EXISTS ix_c360_customer_index_pm;
DROP INDEX IF EXISTS ix_c360_customer_index_region;
DROP INDEX IF EXISTS ix_c360_customer_index_store;

CREATE INDEX IF NOT EXISTS ix_c360_customer_index_order ON c360_customer_index (attention DESC, name, customer_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_am_order ON c360_customer_index (account_manager_id, attention DESC, name, customer_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_pm_order ON c360_customer_index (phone_manager_id, attention DESC, name, customer_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_region_order ON c360_customer_index (region, attention DESC, name, customer_id);
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_alert_queue ON c360_customer_index (phone_manager_id, attention DESC, name, customer_id)
    WHERE open_alerts > 0;
CREATE INDEX IF NOT EXISTS ix_c360_customer_index_name_prefix ON c360_customer_index (lower(name) text_pattern_ops);
