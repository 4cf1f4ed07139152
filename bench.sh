#!/usr/bin/env bash
# The benchmark: a fresh PostgreSQL, a Release build of the silo and the gateway started as their own
# processes, then `Customer360.Feeder bench`, which measures and writes BENCHMARKS.md at the repository root:
#   (a) sustained accepted events/s through the gateway, at maximum speed
#   (b) the naive baseline: one UPDATE transaction per event, best of a connection sweep
#   (c) the COPY ceiling: binary COPY into a journal-shaped table, best of a small sweep
#   (d) ingest request latency at 80% of (a)
#   (e) silo memory per active profile, with 1,000,000 customers registered
#   (f) event-to-console latency: 1,000 SignalR consoles, each following a customer of its own, timed from an
#       event's POST to its profileChanged, beside a bare SignalR echo hosted in the feeder; both during a
#       load at 80% of (a)
#   (g) the interactive lane: single-event POST, event to console (on (f)'s consoles, or 100 if (f) is skipped),
#       profile GET as an account manager, walk-in as store staff, alert acknowledgement as the phone manager, and a
#       bare echo, all probed at once: idle first, then during a load at 80% of (a)
#   (h) search and lists with (e)'s population in the read model: search by id, msisdn, name prefix, tier, stage,
#       tag and region as admin, account manager and supervisor, the portfolio and the alert queue; idle, then
#       during a load at 80% of (a)
#   and the CPU of silo, gateway, PostgreSQL and feeder over (a), per accepted event
# On exit (also Ctrl-C) it stops everything it started.
#
#   ./bench.sh                                       the full run (60 s sustained, 1,000,000 profiles)
#   ./bench.sh --duration 10 --memory-customers 100000   a short smoke run
# Every option is passed to `Customer360.Feeder bench`: --customers N (default 100000), --duration S (60),
# --memory-customers N (1000000; 0 skips), --batch B, --concurrency C, --sweep 1,4,16,32,64,
# --sweep-seconds S, --copy-sweep 1,2,4, --copy-batch N, --latency-seconds S, --consoles N (1000; 0 skips),
# --push-seconds S (30), --interactive-seconds S (30; 0 skips (g)), --search-requests N (200 per kind, each kind at
# most 5 s; 0 skips (h)), --out PATH.
# The gateway runs with Access:WalkInsPerMinute at 10,000 (default 30), so that (g)'s walk-in probes are measured
# rather than refused.
#
# Data and logs live in .data/bench/ (PostgreSQL on 127.0.0.1:55434, wiped at every start). Ports differ
# from run.sh's, so both can run at once: silo 11311/30300 (management 11380), gateway http://127.0.0.1:5380
# (management 11390). C360_BENCH_PORT_OFFSET=N adds N to every one of them and uses .data/bench-N/, so that
# two copies of the repository can each run a bench at once (their figures then share the cores).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
for arg in "$@"; do
    case "$arg" in -h | --help) usage; exit 0 ;; esac
done

OFFSET="${C360_BENCH_PORT_OFFSET:-0}"
[[ "$OFFSET" =~ ^[0-9]+$ ]] || die "C360_BENCH_PORT_OFFSET must be a whole number, not '$OFFSET'"
PG_PORT=$((55434 + OFFSET))
SILO_PORT=$((11311 + OFFSET))
SILO_GATEWAY_PORT=$((30300 + OFFSET))
GATEWAY_PORT=$((5380 + OFFSET))
SILO_MANAGEMENT_PORT=$((11380 + OFFSET))
GATEWAY_MANAGEMENT_PORT=$((11390 + OFFSET))
URL=http://127.0.0.1:$GATEWAY_PORT
CLUSTER_ID=customer360-bench
BENCH_DIR="$ROOT/.data/bench"
((OFFSET == 0)) || BENCH_DIR="$ROOT/.data/bench-$OFFSET"
LOG_DIR="$BENCH_DIR/logs"
PG_DATA="$BENCH_DIR/pg"
REPORT="$ROOT/BENCHMARKS.md"
# --out PATH puts the report elsewhere (a smoke run must not replace the repository's BENCHMARKS.md).
ARGS=("$@")
for ((i = 0; i + 1 < ${#ARGS[@]}; i++)); do
    [[ "${ARGS[i]}" == --out ]] && REPORT="$(realpath -m "${ARGS[i + 1]}")"
done

declare -A PIDS=()
ORDER=()
PG_STARTED=0

SHUTTING_DOWN=0
shutdown() {
    local rc=$?
    ((SHUTTING_DOWN)) && return
    SHUTTING_DOWN=1
    set +e
    trap '' INT TERM PIPE
    # One SIGINT, as a Ctrl-C would be: the feeder stops sending, lets requests in flight finish, marks the
    # steps it did not finish as interrupted and writes BENCHMARKS.md. Forced only if it hangs.
    stop_process feeder INT 120
    stop_process gateway
    stop_process silo
    ((PG_STARTED)) && pg_stop "$PG_DATA"
    log "Everything bench.sh started is stopped."
    [[ -f "$REPORT" ]] && log "Report: $REPORT"
    exit "$rc"
}
trap shutdown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Prerequisites, and the ports free
require_root "bench.sh"
ensure_dotnet
ensure_postgres
command -v curl >/dev/null 2>&1 || ensure_apt_packages curl ca-certificates
for port in "$SILO_PORT" "$SILO_GATEWAY_PORT" "$GATEWAY_PORT" "$SILO_MANAGEMENT_PORT" "$GATEWAY_MANAGEMENT_PORT"; do
    port_open 127.0.0.1 "$port" && die "Port $port is in use (another ./bench.sh?); stop it first."
done
mkdir -p "$LOG_DIR"
# Step (f) holds 1,000 consoles open on the gateway and as many echo clients in the feeder (whose echo hub
# holds the other ends too): more open files than the usual default of 1,024. The processes started below
# inherit the limit.
nofile="$(ulimit -n)"
if [[ "$nofile" != unlimited ]] && ((nofile < 65536)); then
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi

# 2. A fresh PostgreSQL: every run measures from the same empty database
pg_wipe "$PG_DATA"
PG_PASSWORD="$(random_password)"
PG_STARTED=1
pg_start "$PG_DATA" "$PG_PORT" "$PG_PASSWORD" "$LOG_DIR/postgres.log"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=customer360"

# 3. Release build of what runs
log "Building silo, gateway and feeder (Release; output in $LOG_DIR/build.log)"
: >"$LOG_DIR/build.log"
for project in silo/Customer360.Silo.csproj gateway/Customer360.Gateway.csproj tools/Customer360.Feeder/Customer360.Feeder.csproj; do
    dotnet_release_build "$ROOT/$project" "$LOG_DIR/build.log"
done
SILO_DLL="$(dotnet_target_path "$ROOT/silo/Customer360.Silo.csproj")"
GATEWAY_DLL="$(dotnet_target_path "$ROOT/gateway/Customer360.Gateway.csproj")"
FEEDER_DLL="$(dotnet_target_path "$ROOT/tools/Customer360.Feeder/Customer360.Feeder.csproj")"

# Mutual TLS between silo, gateway and the bench's cluster probe, with self-made demo certificates.
make_demo_certs "$BENCH_DIR/tls"
demo_tls_env "$BENCH_DIR/tls"
cluster_env "$CONNECTION" "$CLUSTER_ID"

migrate_schema "$SILO_DLL" "$LOG_DIR/migrate.log"

# Load shedding off: the bench drives this machine's CPU to the top on purpose, to find the capacity; with shedding
# on it would measure the Overload:CpuThreshold instead.
start_process silo "$ROOT/silo" "${COMMON_ENV[@]}" "Overload__LoadShedding=false" \
    "Cluster__SiloPort=$SILO_PORT" "Cluster__GatewayPort=$SILO_GATEWAY_PORT" "Cluster__AdvertisedIPAddress=127.0.0.1" \
    "Management__Urls=http://127.0.0.1:$SILO_MANAGEMENT_PORT" \
    -- dotnet "$SILO_DLL"
wait_port 127.0.0.1 "$SILO_GATEWAY_PORT" 180 "${PIDS[silo]}" \
    || { tail -n 40 "$LOG_DIR/silo.log" >&2; die "The silo did not open its gateway port; see $LOG_DIR/silo.log"; }

# Secrets for this run only, passed through the environment (never on a command line).
INGEST_KEY="$(random_password)"
start_process gateway "$ROOT/gateway" "${COMMON_ENV[@]}" "ASPNETCORE_URLS=$URL" \
    "Auth__SigningKey=$(head -c 32 /dev/urandom | base64 -w0)" \
    "Auth__Producers__0__Name=bench" "Auth__Producers__0__Key=$INGEST_KEY" \
    "Auth__Producers__0__Grants__0=usage" "Auth__Producers__0__Grants__1=master-data" \
    "Auth__DemoMode=true" \
    "Ingest__MaxEvents=100000" "Ingest__MaxBodyBytes=134217728" \
    "Access__WalkInsPerMinute=10000" \
    "Management__Urls=http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT" \
    -- dotnet "$GATEWAY_DLL" --urls "$URL"
wait_http "$URL/health/ready" 180 "${PIDS[gateway]}" \
    || { tail -n 40 "$LOG_DIR/gateway.log" >&2; die "The gateway did not become ready; see $LOG_DIR/gateway.log"; }

# 5. The benchmark. In its own session like the others (a Ctrl-C here reaches only this script, whose exit
#    stops it gracefully); this script waits for it in a way a signal can interrupt.
rm -f "$REPORT"
# The postmaster's pid is the first line of postmaster.pid: (a)'s CPU of PostgreSQL is it and its children.
POSTMASTER_PID="$(head -n 1 "$(pg_data_dir "$PG_DATA" quiet)/postmaster.pid")"
log "Running the benchmark (options: ${*:-defaults}); the silo is pid ${PIDS[silo]}, the gateway ${PIDS[gateway]}, PostgreSQL $POSTMASTER_PID"
(cd "$ROOT" && exec env "C360_INGEST_KEY=$INGEST_KEY" "C360_BENCH_PG=$CONNECTION" "${DEMO_TLS_ENV[@]}" setsid \
    dotnet "$FEEDER_DLL" bench "$@" --gateway "$URL" --silo-pid "${PIDS[silo]}" \
    --gateway-pid "${PIDS[gateway]}" --postgres-pid "$POSTMASTER_PID" --cluster-id "$CLUSTER_ID" --out "$REPORT" </dev/null) &
PIDS[feeder]=$!
rc=0
wait "${PIDS[feeder]}" || rc=$?
unset "PIDS[feeder]"
kill -0 "${PIDS[silo]}" 2>/dev/null || warn "The silo is gone; see $LOG_DIR/silo.log"
((rc == 0)) || warn "Some benchmark steps failed or were cut short; BENCHMARKS.md says which (exit code $rc)."
exit "$rc"
