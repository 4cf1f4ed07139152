#!/usr/bin/env bash
# Customer 360, running locally: PostgreSQL, the Orleans silo(s), the gateway with the consoles, and a
# demo feed of usage events. Ctrl-C stops everything it started, in order.
#
#   ./run.sh              one silo
#   ./run.sh --silos 2    two silos (the second on ports 11112/30001), to watch the cluster scale out
#   ./run.sh --no-feeder  no demo feed
#
# Re-runnable: data lives in .data/run/ and is kept between runs (delete .data/run/ for a clean start).
# Environment overrides, for running next to another copy:
#   C360_URL                 gateway address            (default http://127.0.0.1:5080)
#   C360_PG_PORT             PostgreSQL port            (default 55432)
#   C360_SILO_PORT           first silo's silo port     (default 11111; silo n uses +n-1)
#   C360_SILO_GATEWAY_PORT   first silo's gateway port  (default 30000; silo n uses +n-1)
#   C360_SILO_MANAGEMENT_PORT first silo's management port, health probes on 127.0.0.1 (default 11180; silo n uses +n-1)
#   C360_GATEWAY_MANAGEMENT_PORT gateway's management port, /metrics and health on 127.0.0.1 (default 11190)
#   C360_FEED_CUSTOMERS / C360_FEED_RATE   demo population and events per second (default 50 / 20)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# The help text is the comment block at the top of this file.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

SILOS=1
FEEDER=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --silos)
            [[ $# -ge 2 ]] || die "--silos needs a number"
            SILOS=$2
            shift 2
            ;;
        --silos=*) SILOS=${1#*=}; shift ;;
        --no-feeder) FEEDER=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done
[[ "$SILOS" =~ ^[1-9]$ ]] || die "--silos must be between 1 and 9 (got '$SILOS')"

URL="${C360_URL:-http://127.0.0.1:5080}"
URL="${URL%/}"
PG_PORT="${C360_PG_PORT:-55432}"
SILO_PORT="${C360_SILO_PORT:-11111}"
SILO_GATEWAY_PORT="${C360_SILO_GATEWAY_PORT:-30000}"
SILO_MANAGEMENT_PORT="${C360_SILO_MANAGEMENT_PORT:-11180}"
GATEWAY_MANAGEMENT_PORT="${C360_GATEWAY_MANAGEMENT_PORT:-11190}"
FEED_CUSTOMERS="${C360_FEED_CUSTOMERS:-50}"
FEED_RATE="${C360_FEED_RATE:-20}"
CLUSTER_ID=customer360

RUN_DIR="$ROOT/.data/run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
PG_DATA="$RUN_DIR/pg"
PG_PASSWORD_FILE="$RUN_DIR/pg-password"

# The gateway may bind a wildcard address (0.0.0.0, *, +); probe it on loopback.
PROBE_URL="$(sed -E 's#^(https?://)(0\.0\.0\.0|\*|\+|\[::\])#\1127.0.0.1#' <<<"$URL")"
URL_HOSTPORT="$(sed -E 's#^https?://##; s#/.*$##' <<<"$PROBE_URL")"
URL_HOST="${URL_HOSTPORT%:*}"
URL_PORT="${URL_HOSTPORT##*:}"
[[ "$URL_PORT" =~ ^[0-9]+$ ]] || die "C360_URL must name a port, like http://127.0.0.1:5080 (got '$URL')"

mkdir -p "$LOG_DIR" "$PID_DIR"

# ----------------------------------------------------------------------------------------------------------
# Processes: each one runs in its own session (setsid) so that Ctrl-C in the terminal reaches only this
# script, which then stops them one by one in a safe order: feeder, gateway, silos (last started first),
# PostgreSQL. Their pids are also written to .data/run/pids/, so a run that was killed outright (kill -9,
# a closed terminal) leaves nothing that blocks the next run: that one stops the leftovers first.
# ----------------------------------------------------------------------------------------------------------

declare -A PIDS=()      # name -> pid
ORDER=()                # names in start order
PG_STARTED=0

# Stops whatever a previous run left behind. Only processes whose command line is one of ours are
# touched: a recycled pid belonging to something else is left alone.
stop_leftovers() {
    local file pid
    for file in "$PID_DIR"/*.pid; do
        [[ -f "$file" ]] || continue
        pid="$(cat "$file")"
        if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Customer360\.'; then
            log "Stopping $(basename "$file" .pid) left over from an earlier run (pid $pid)"
            # Its ports, read before it goes: the next steps need them free, and a killed process can hold them
            # for a moment after the kill (it is not gone until the kernel has torn it down).
            local ports
            ports="$(listening_ports "$pid")"
            kill -TERM "$pid" 2>/dev/null || true
            local deadline=$((SECONDS + 45))
            while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 15 || die "The leftover (pid $pid) is still there 15 s after SIGKILL."
            # shellcheck disable=SC2086 # one port a word
            wait_ports_free 15 $ports || die "The leftover (pid $pid) is gone but its ports are still in use after 15 s."
        fi
        rm -f "$file"
    done
}

SHUTTING_DOWN=0
shutdown() {
    local rc=$?
    ((SHUTTING_DOWN)) && return
    SHUTTING_DOWN=1
    # Cleanup must run to the end: no errexit, a second Ctrl-C does not interrupt it, and a closed output
    # (`./run.sh | tee x` loses tee to the same Ctrl-C) makes writes fail instead of killing this script.
    set +e
    trap '' INT TERM PIPE
    echo >&2
    local i
    [[ -n "${PIDS[feeder]:-}" ]] && stop_process feeder
    [[ -n "${PIDS[gateway]:-}" ]] && stop_process gateway
    for ((i = ${#ORDER[@]} - 1; i >= 0; i--)); do
        [[ "${ORDER[i]}" == silo* ]] && stop_process "${ORDER[i]}"
    done
    ((PG_STARTED)) && pg_stop "$PG_DATA"
    log "Everything run.sh started is stopped."
    exit "$rc"
}
trap shutdown EXIT
# Ctrl-C / kill: leave through the EXIT trap above, which stops everything.
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------------------
# 1. Prerequisites
# ----------------------------------------------------------------------------------------------------------
require_root "run.sh"
ensure_dotnet
ensure_node
ensure_postgres
command -v curl >/dev/null 2>&1 || ensure_apt_packages curl ca-certificates

stop_leftovers
# Fail early and clearly if another program (say, a second ./run.sh) holds a port we need.
for ((i = 0; i < SILOS; i++)); do
    for port in $((SILO_PORT + i)) $((SILO_GATEWAY_PORT + i)) $((SILO_MANAGEMENT_PORT + i)); do
        port_open 127.0.0.1 "$port" && die "Port $port is in use (another ./run.sh?). Stop it, or set C360_SILO_PORT / C360_SILO_GATEWAY_PORT / C360_SILO_MANAGEMENT_PORT."
    done
done
port_open "$URL_HOST" "$URL_PORT" && die "$URL_HOST:$URL_PORT is in use (another ./run.sh?). Stop it, or set C360_URL."
port_open 127.0.0.1 "$GATEWAY_MANAGEMENT_PORT" && die "Port $GATEWAY_MANAGEMENT_PORT is in use (another ./run.sh?). Stop it, or set C360_GATEWAY_MANAGEMENT_PORT."

# ----------------------------------------------------------------------------------------------------------
# 2. PostgreSQL, with a password generated on the first run and kept (mode 600) for the next ones
# ----------------------------------------------------------------------------------------------------------
if [[ ! -s "$PG_PASSWORD_FILE" ]]; then
    (umask 077 && random_password >"$PG_PASSWORD_FILE")
fi
chmod 600 "$PG_PASSWORD_FILE"
PG_PASSWORD="$(cat "$PG_PASSWORD_FILE")"
PG_STARTED=1
pg_start "$PG_DATA" "$PG_PORT" "$PG_PASSWORD" "$LOG_DIR/postgres.log"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=customer360"

# ----------------------------------------------------------------------------------------------------------
# 3. Build: the dashboard first (it writes gateway/wwwroot, which the gateway build may pick up), then .NET
# ----------------------------------------------------------------------------------------------------------
build_dashboard
log "Building Customer360.sln (Release; full output in $LOG_DIR/build.log)"
: >"$LOG_DIR/build.log"
dotnet_release_build "$ROOT/Customer360.sln" "$LOG_DIR/build.log"

SILO_DLL="$(dotnet_target_path "$ROOT/silo/Customer360.Silo.csproj")"
GATEWAY_DLL="$(dotnet_target_path "$ROOT/gateway/Customer360.Gateway.csproj")"
FEEDER_DLL="$(dotnet_target_path "$ROOT/tools/Customer360.Feeder/Customer360.Feeder.csproj")"

# Mutual TLS between silos and gateway, with self-made demo certificates (.data/run/tls/); cluster_env
# passes them to every process it sets up.
make_demo_certs "$RUN_DIR/tls"
demo_tls_env "$RUN_DIR/tls"

# ----------------------------------------------------------------------------------------------------------
# 4. Database roles, as the superuser: c360_owner (owns the schema, runs the migration), c360_silo and
#    c360_gateway (what those processes connect as), none a superuser. Each password is generated on the first
#    run and kept beside the superuser's (mode 600). Then the schema, migrated as the owner, then the silos one
#    after the other (each waits for the previous one's gateway port, so the second joins a running cluster
#    rather than racing the first to form it), connected as c360_silo.
# ----------------------------------------------------------------------------------------------------------
declare -A ROLE_CONNECTION=()
for role in owner silo gateway; do
    file="$RUN_DIR/pg-password-$role"
    [[ -s "$file" ]] || (umask 077 && random_password >"$file")
    chmod 600 "$file"
    ROLE_CONNECTION[$role]="Host=127.0.0.1;Port=$PG_PORT;Username=c360_$role;Password=$(cat "$file");Database=customer360"
done
create_db_roles "$SILO_DLL" "$CONNECTION" "$RUN_DIR/pg-password-owner" "$RUN_DIR/pg-password-silo" \
    "$RUN_DIR/pg-password-gateway" "$LOG_DIR/migrate.log"

cluster_env "${ROLE_CONNECTION[owner]}" "$CLUSTER_ID"
migrate_schema "$SILO_DLL" "$LOG_DIR/migrate.log"
cluster_env "${ROLE_CONNECTION[silo]}" "$CLUSTER_ID"

for ((i = 0; i < SILOS; i++)); do
    # silo, silo2, silo3...: the first one's log is always .data/run/logs/silo.log.
    name=silo
    ((i == 0)) || name=silo$((i + 1))
    start_process "$name" "$ROOT/silo" "${COMMON_ENV[@]}" \
        "Cluster__SiloPort=$((SILO_PORT + i))" \
        "Cluster__GatewayPort=$((SILO_GATEWAY_PORT + i))" \
        "Management__Urls=http://127.0.0.1:$((SILO_MANAGEMENT_PORT + i))" \
        "Cluster__AdvertisedIPAddress=127.0.0.1" \
        "Storage__ApplySchemaOnStart=false" \
        -- dotnet "$SILO_DLL"
    if ! wait_port 127.0.0.1 $((SILO_GATEWAY_PORT + i)) 180 "${PIDS[$name]}"; then
        tail -n 40 "$LOG_DIR/$name.log" >&2
        die "$name did not open its gateway port $((SILO_GATEWAY_PORT + i)); see $LOG_DIR/$name.log"
    fi
    log "$name is up (silo port $((SILO_PORT + i)), gateway port $((SILO_GATEWAY_PORT + i)), health on http://127.0.0.1:$((SILO_MANAGEMENT_PORT + i))/health/ready)"
done

# ----------------------------------------------------------------------------------------------------------
# 5. Gateway (HTTP API + consoles), ready when it reaches the cluster
# ----------------------------------------------------------------------------------------------------------
# The key that signs sign-in tokens: made once, kept with the run's data (like the database password), so
# tokens survive a gateway restart. Never printed.
SIGNING_KEY_FILE="$RUN_DIR/auth-signing-key"
if [[ ! -s "$SIGNING_KEY_FILE" ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$SIGNING_KEY_FILE")
fi
# The demo feed's producer key (X-Api-Key), kept beside the signing key.
INGEST_KEY_FILE="$RUN_DIR/ingest-api-key"
if [[ ! -s "$INGEST_KEY_FILE" ]]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$INGEST_KEY_FILE")
fi
# The demo feed is one producer holding every grant (usage, master data, walk-ins at store S01): it registers
# and reassigns customers as well as sending usage. A real install gives each feed only what it sends.
# Demo mode: the demo users of gateway/appsettings.Demo.json (known passwords) are created and may sign in.
cluster_env "${ROLE_CONNECTION[gateway]}" "$CLUSTER_ID"
start_process gateway "$ROOT/gateway" "${COMMON_ENV[@]}" "ASPNETCORE_URLS=$URL" "Auth__SigningKey=$(cat "$SIGNING_KEY_FILE")" \
    "Auth__DemoMode=true" \
    "Auth__Producers__0__Name=demo-feed" "Auth__Producers__0__Key=$(cat "$INGEST_KEY_FILE")" \
    "Auth__Producers__0__Grants__0=usage" "Auth__Producers__0__Grants__1=master-data" \
    "Auth__Producers__0__Grants__2=store-systems" "Auth__Producers__0__Stores__0=S01" \
    "OpenApi__Enabled=true" \
    "Management__Urls=http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT" \
    -- dotnet "$GATEWAY_DLL" --urls "$URL"
if ! wait_http "$PROBE_URL/health/ready" 180 "${PIDS[gateway]}"; then
    tail -n 40 "$LOG_DIR/gateway.log" >&2
    die "The gateway did not become ready at $PROBE_URL/health/ready; see $LOG_DIR/gateway.log"
fi

# ----------------------------------------------------------------------------------------------------------
# 6. Demo feed
# ----------------------------------------------------------------------------------------------------------
if ((FEEDER)); then
    start_process feeder "$ROOT" "DOTNET_ENVIRONMENT=Production" "C360_INGEST_KEY=$(cat "$INGEST_KEY_FILE")" \
        -- dotnet "$FEEDER_DLL" --gateway "$PROBE_URL" --customers "$FEED_CUSTOMERS" --rate "$FEED_RATE"
fi

# ----------------------------------------------------------------------------------------------------------
# 7. Banner
# ----------------------------------------------------------------------------------------------------------

# Demo sign-ins from gateway/appsettings.Demo.json, section Auth:DemoUsers (keys matched case-insensitively, as .NET
# configuration does). Accepts a list of user objects or a name -> password/object map. Node is always
# here (it builds the dashboard); prints nothing when there is no such section.
demo_logins() {
    node - "$ROOT/gateway/appsettings.Demo.json" <<'EOF' 2>/dev/null || true
const fs = require('fs');
let json;
try {
  // .NET allows comments and trailing commas in appsettings.json; strip the simple cases.
  const text = fs.readFileSync(process.argv[2], 'utf8')
    .replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/,(\s*[}\]])/g, '$1');
  json = JSON.parse(text);
} catch { process.exit(0); }
const get = (o, key) => o && typeof o === 'object'
  ? Object.entries(o).find(([k]) => k.toLowerCase() === key)?.[1] : undefined;
const users = get(get(json, 'auth'), 'demousers');
if (!users || typeof users !== 'object') process.exit(0);
const pick = (u, ...keys) => { for (const k of keys) { const v = get(u, k); if (v !== undefined) return v; } };
const line = (name, u) => {
  if (typeof u !== 'object' || u === null) return `${name} / ${u}`;
  const user = pick(u, 'username', 'user', 'login', 'name', 'email') ?? name;
  const pass = pick(u, 'password', 'pass', 'secret');
  const role = pick(u, 'roles', 'role');
  return [user, pass !== undefined ? `/ ${pass}` : '', role !== undefined ? `(${[].concat(role).join(', ')})` : '']
    .filter(Boolean).join(' ');
};
const rows = Array.isArray(users) ? users.map((u, i) => line(String(i + 1), u))
                                  : Object.entries(users).map(([k, u]) => line(k, u));
for (const r of rows) if (r) console.log(r);
EOF
}

LOGINS="$(demo_logins)"
{
    echo
    echo "=================================================================================="
    echo "  Customer 360 is running"
    echo
    echo "  Consoles:    $URL/"
    echo "  API:         $URL/api/v1/..."
    echo "  Orleans:     $URL/orleans-dashboard/ (admins: the console's \"Orleans dashboard\" button)"
    if ((SILOS == 1)); then
        echo "  Cluster:     1 silo (silo port $SILO_PORT, gateway port $SILO_GATEWAY_PORT), cluster id '$CLUSTER_ID'"
        echo "               silo health: http://127.0.0.1:$SILO_MANAGEMENT_PORT/health/live and /health/ready"
    else
        echo "  Cluster:     $SILOS silos (silo ports $SILO_PORT-$((SILO_PORT + SILOS - 1)), gateway ports $SILO_GATEWAY_PORT-$((SILO_GATEWAY_PORT + SILOS - 1))), cluster id '$CLUSTER_ID'"
        echo "               silo health: http://127.0.0.1:$SILO_MANAGEMENT_PORT-$((SILO_MANAGEMENT_PORT + SILOS - 1))/health/live and /health/ready"
    fi
    echo "  Metrics:     http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/metrics (gateway), http://127.0.0.1:$SILO_MANAGEMENT_PORT/metrics (silo)"
    if ((FEEDER)); then
        echo "  Demo feed:   $FEED_CUSTOMERS customers, about $FEED_RATE usage events/s"
    fi
    echo "  PostgreSQL:  127.0.0.1:$PG_PORT, database customer360, superuser postgres (password in $PG_PASSWORD_FILE);"
    echo "               the silo runs as c360_silo, the gateway as c360_gateway, migrations as c360_owner"
    echo "               (passwords in $RUN_DIR/pg-password-<owner|silo|gateway>)"
    echo "  Logs:        $LOG_DIR/"
    echo "  Cluster TLS: self-made DEMO certificates in $RUN_DIR/tls/ (not for production;"
    echo "               a real install uses its own CA, see README)"
    echo
    echo "  *** DEMO MODE: demo users with known passwords can sign in (Auth:DemoMode=true). ***"
    echo "  *** Never expose this install; a production one starts with create-admin.      ***"
    echo
    if [[ -n "$LOGINS" ]]; then
        echo "  Demo sign-ins:"
        while IFS= read -r l; do echo "    $l"; done <<<"$LOGINS"
    else
        echo "  Demo sign-ins: none found in gateway/appsettings.Demo.json"
    fi
    echo
    echo "  Press Ctrl-C to stop everything."
    echo "=================================================================================="
    echo
}

# ----------------------------------------------------------------------------------------------------------
# 8. Watch. A dead gateway, or the last silo gone, stops everything. One silo of several dying is what
#    scale-out is for: the cluster carries on, and so does this script. A dead feeder is only reported.
# ----------------------------------------------------------------------------------------------------------
while ((${#PIDS[@]} > 0)); do
    exited=""
    wait -n -p exited || true
    [[ -n "$exited" ]] || continue
    for name in "${!PIDS[@]}"; do
        [[ "${PIDS[$name]}" == "$exited" ]] || continue
        unset "PIDS[$name]"
        rm -f "$PID_DIR/$name.pid"
        warn "$name exited unexpectedly; the last lines of $LOG_DIR/$name.log:"
        tail -n 25 "$LOG_DIR/$name.log" >&2
        case "$name" in
            feeder) warn "The demo feed stopped; the rest keeps running." ;;
            gateway) die "The gateway is gone; stopping everything." ;;
            silo*)
                silos_left=0
                for other in "${!PIDS[@]}"; do
                    if [[ "$other" == silo* ]]; then silos_left=$((silos_left + 1)); fi
                done
                ((silos_left > 0)) || die "No silo is left; stopping everything."
                warn "$silos_left silo(s) still running; the cluster carries on without $name."
                ;;
        esac
    done
done
