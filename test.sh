#!/usr/bin/env bash
# Runs every test of Customer360.sln against a throwaway PostgreSQL server and Debian's Chromium.
#
#   ./test.sh                      all tests
#   ./test.sh --filter Dashboard   extra arguments go to `dotnet test` as they are
#
# The last line printed is "N passed, N failed" (", N skipped" when some were), summed over all test
# assemblies. Exits non-zero when a test failed, when no test ran, or when `dotnet test` itself failed.
# Environment override: C360_TEST_PG_PORT (default 55433), for running next to another copy.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

TEST_DIR="$ROOT/.data/test"
PG_DATA="$TEST_DIR/pg"
PG_PORT="${C360_TEST_PG_PORT:-55433}"
RESULTS="$TEST_DIR/results"
CHROMIUM=/usr/bin/chromium

# ----------------------------------------------------------------------------------------------------------
# Prerequisites and the dashboard (the browser tests load it from gateway/wwwroot)
# ----------------------------------------------------------------------------------------------------------
require_root "test.sh"
ensure_dotnet
ensure_node
ensure_postgres
ensure_chromium
ensure_prometheus
build_dashboard

# ----------------------------------------------------------------------------------------------------------
# A fresh PostgreSQL server for this run only. The tests create and drop their own databases on it.
# ----------------------------------------------------------------------------------------------------------
# Whatever happens from here on (failure, Ctrl-C), the server is stopped.
trap 'trap "" PIPE; pg_stop "$PG_DATA" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$TEST_DIR"
pg_wipe "$PG_DATA"
PG_PASSWORD="$(random_password)"
# Kept while the tests run, for looking into the test server by hand (it is replaced on the next run).
(umask 077 && printf '%s\n' "$PG_PASSWORD" >"$TEST_DIR/pg-password")
rm -f "$TEST_DIR/postgres.log"
pg_start "$PG_DATA" "$PG_PORT" "$PG_PASSWORD" "$TEST_DIR/postgres.log"

export C360_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres"
export C360_CHROMIUM="$CHROMIUM"
export C360_PROMETHEUS=/usr/bin/prometheus C360_PROMTOOL=/usr/bin/promtool

# ----------------------------------------------------------------------------------------------------------
# The tests. The console logger lists every test as it finishes; the TRX files give exact counts.
# --blame-hang-timeout ends a test that hangs (and reports it as failed) instead of letting it eat the
# whole CI time budget.
# ----------------------------------------------------------------------------------------------------------
rm -rf "$RESULTS"
log "Running dotnet test (Release); PostgreSQL on 127.0.0.1:$PG_PORT, Chromium $CHROMIUM"
set +e
dotnet test "$ROOT/Customer360.sln" -c Release --nologo \
    --logger "console;verbosity=normal" \
    --logger "trx" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    "$@"
dotnet_rc=$?
set -e

pg_stop "$PG_DATA"

# ----------------------------------------------------------------------------------------------------------
# Summary over all test assemblies (one .trx file each)
# ----------------------------------------------------------------------------------------------------------
mapfile -t trx_files < <(find "$RESULTS" -name '*.trx' -type f 2>/dev/null | sort)
read -r passed failed skipped < <(trx_totals "${trx_files[@]}")

status=0
if ((dotnet_rc != 0)); then
    status=1
    if ((failed == 0)); then
        echo "dotnet test exited with code $dotnet_rc although no test result reports a failure (a build error, or a test host that crashed?); see the output above." >&2
    fi
fi
if ((failed > 0)); then status=1; fi
if ((passed + failed == 0)); then
    echo "No test ran (${#trx_files[@]} result file(s) in $RESULTS)." >&2
    status=1
fi

# The closing line, alone and last: CI reads it.
if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$status"
