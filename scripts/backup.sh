#!/usr/bin/env bash
# Backs up the Customer 360 database into one file, with pg_dump in its custom format.
#
#   scripts/backup.sh FILE
#
# Run by an administrator: a PostgreSQL superuser or the owner role (c360_owner), never by the silo or gateway
# roles, which may not read every table. The connection comes from libpq's environment, as for psql:
# PGHOST, PGPORT, PGUSER, PGDATABASE (the install's database, e.g. customer360) and the password from
# PGPASSFILE/~/.pgpass (or PGPASSWORD); never put a password on the command line.
#
# What it holds: the whole database as of ONE snapshot (pg_dump reads everything in a single repeatable-read
# transaction), so the journal, the snapshots, the read model, the MSISDN index, users, rules and the audit log
# agree with each other. It may run while the cluster runs. Left out on purpose: the rows of the cluster's
# membership tables (which silos are alive is runtime state; a restored cluster writes its own), the roles and
# their passwords (server-wide; `Customer360.Silo create-roles` makes them), and whatever is not in PostgreSQL:
# certificates and keys (cluster TLS, HTTPS, token signing, producer keys) stay in the operator's secret store.
#
# The file holds personal data and password hashes: it is written readable by its owner only (umask 077);
# keep it encrypted at rest and where only administrators reach it. A checksum goes next to it (FILE.sha256).
# Environment override: C360_PG_BIN, the folder of pg_dump/pg_restore (default: PostgreSQL 15's, else PATH).
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

[[ $# -eq 1 && -n "$1" && "$1" != -* ]] || die "Usage: scripts/backup.sh FILE   (the connection comes from PGHOST, PGPORT, PGUSER, PGDATABASE and ~/.pgpass)"
out=$1
[[ -n "${PGDATABASE:-}" ]] || die "PGDATABASE is not set: name the install's database (e.g. PGDATABASE=customer360)."
[[ ! -e "$out" ]] || die "$out already exists; a backup never overwrites another. Choose a new file name."
[[ -d "$(dirname "$out")" ]] || die "The folder of $out does not exist."

pg_bin="${C360_PG_BIN:-}"
if [[ -z "$pg_bin" ]]; then
    if [[ -x /usr/lib/postgresql/15/bin/pg_dump ]]; then pg_bin=/usr/lib/postgresql/15/bin
    else pg_bin="$(dirname "$(command -v pg_dump || echo /nonexistent/pg_dump)")"; fi
fi
[[ -x "$pg_bin/pg_dump" && -x "$pg_bin/pg_restore" ]] \
    || die "pg_dump and pg_restore not found in $pg_bin; install Debian's postgresql-client-15 or set C360_PG_BIN."

umask 077
partial="$out.partial"
rm -f "$partial"
trap 'rm -f "$partial"' EXIT

log "Dumping database $PGDATABASE on ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)} into $out"
# --no-password: fail at once when no password is available rather than waiting for one (cron, CI).
"$pg_bin/pg_dump" --format=custom --no-password \
    --exclude-table-data=c360_membership --exclude-table-data=c360_membership_version \
    --file="$partial" "$PGDATABASE" \
    || die "pg_dump failed (see above); nothing was written to $out."

# A file pg_restore cannot read is no backup: check its table of contents before calling it one.
entries="$("$pg_bin/pg_restore" --list "$partial" | grep -cv '^;')" \
    || die "pg_restore cannot read the dump; nothing was written to $out."
mv "$partial" "$out"
trap - EXIT
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" >"$(basename "$out").sha256")
log "Backup written: $out ($(du -h "$out" | cut -f1), $entries entries); checksum in $out.sha256"
