#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a fresh, empty database.
#
#   scripts/restore.sh [--owner ROLE] FILE
#
# The whole procedure (README, "Backup and restore"):
#   1. `Customer360.Silo create-roles` with ConnectionStrings__Admin naming the NEW database: makes the roles
#      if the server lacks them (passwords from the secret store) and the empty database, owned by the owner role.
#   2. this script, as a superuser or the owner role (PGHOST, PGPORT, PGUSER, PGDATABASE = the new database, password from
#      ~/.pgpass or PGPASSWORD): every object is created as the owner role (--role), in one transaction.
#   3. `Customer360.Silo migrate` as the owner role: applies the schema scripts newer than the backup and grants
#      the silo and gateway roles their privileges again (a dump's grants are not restored: roles may differ).
#   4. Start the silos, then the gateways, with the same Cluster:ServiceId as before (grain state and reminders
#      are stored under it), pointing ConnectionStrings__Customer360 at the restored database.
#
# --owner: the owner role (default c360_owner; ${prefix}_owner when create-roles ran with Database:RolePrefix).
# Environment override: C360_PG_BIN, the folder of pg_restore/psql (default: PostgreSQL 15's, else PATH).
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

usage="Usage: scripts/restore.sh [--owner ROLE] FILE   (as a superuser or the owner role; PGDATABASE names the fresh database create-roles made)"
owner=c360_owner
while [[ $# -gt 0 ]]; do
    case "$1" in
        --owner) [[ $# -ge 2 && -n "$2" ]] || die "--owner needs a role name. $usage"; owner=$2; shift 2 ;;
        -*) die "Unknown option $1. $usage" ;;
        *) break ;;
    esac
done
[[ $# -eq 1 && -n "$1" ]] || die "$usage"
dump=$1
[[ -f "$dump" ]] || die "$dump is not a file."
[[ -n "${PGDATABASE:-}" ]] || die "PGDATABASE is not set: name the fresh database to restore into (made by Customer360.Silo create-roles)."

pg_bin="${C360_PG_BIN:-}"
if [[ -z "$pg_bin" ]]; then
    if [[ -x /usr/lib/postgresql/15/bin/pg_restore ]]; then pg_bin=/usr/lib/postgresql/15/bin
    else pg_bin="$(dirname "$(command -v pg_restore || echo /nonexistent/pg_restore)")"; fi
fi
[[ -x "$pg_bin/pg_restore" && -x "$pg_bin/psql" ]] \
    || die "pg_restore and psql not found in $pg_bin; install Debian's postgresql-client-15 or set C360_PG_BIN."

if [[ -f "$dump.sha256" ]]; then
    (cd "$(dirname "$dump")" && sha256sum --check --quiet "$(basename "$dump").sha256") \
        || die "$dump does not match its checksum $dump.sha256: the file is damaged or not the one backed up."
fi
"$pg_bin/pg_restore" --list "$dump" >/dev/null || die "$dump is not a backup pg_restore can read (custom format)."

psql_scalar() { "$pg_bin/psql" --no-password --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 -c "$1"; }
me="$(psql_scalar "select case when rolsuper then 'super' else 'plain' end || ' ' || current_user from pg_roles where rolname = current_user")" \
    || die "Cannot connect to database $PGDATABASE on ${PGHOST:-local socket}:${PGPORT:-5432} (does it exist? run create-roles first)."
[[ "$(psql_scalar "select count(*) from pg_roles where rolname = '${owner//\'/\'\'}'")" == "1" ]] \
    || die "Role $owner does not exist on this server: run Customer360.Silo create-roles first (or pass --owner)."
# A superuser creates every object as the owner role (--role); the owner role itself may restore too.
[[ "${me%% *}" == "super" || "${me#* }" == "$owner" ]] \
    || die "Connect as a superuser or as $owner (PGUSER is ${me#* }): every object must be created as $owner."
objects="$(psql_scalar "select count(*) from pg_class where relnamespace = 'public'::regnamespace")"
[[ "$objects" == "0" ]] \
    || die "Database $PGDATABASE is not empty ($objects objects in schema public): restore only into a fresh database made by create-roles."

log "Restoring $dump into database $PGDATABASE on ${PGHOST:-local socket}:${PGPORT:-5432}, objects owned by $owner"
# One transaction: a restore that fails half-way leaves the database empty, not half-filled.
# --no-owner/--no-privileges: the roles of the backed-up install may be named otherwise; migrate grants again.
"$pg_bin/pg_restore" --no-password --exit-on-error --single-transaction --no-owner --no-privileges \
    --role="$owner" --dbname="$PGDATABASE" "$dump" \
    || die "pg_restore failed (see above); nothing was restored. Drop database $PGDATABASE before trying again."
# pg_restore does not bring the planner's statistics; without them the first queries may plan badly.
psql_scalar "ANALYZE" >/dev/null
log "Restored. Next: Customer360.Silo migrate as $owner on $PGDATABASE, then start the silos with the same Cluster:ServiceId."
