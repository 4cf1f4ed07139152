#!/usr/bin/env bash
# Shared functions for run.sh and test.sh. Source it; it does nothing by itself.
#
# Everything here must work on a fresh Debian 12 machine as root, where only the .NET SDK, Node.js/npm
# and git are guaranteed: PostgreSQL, Chromium and curl are installed from Debian's packages on first use.
# The functions are idempotent, so the scripts can be re-run at any time.

# Guard against being sourced twice (run.sh and a helper may both source it).
[[ -n "${_C360_LIB_LOADED:-}" ]] && return 0
_C360_LIB_LOADED=1

# The repository root: scripts/ lives directly under it.
C360_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Keep the .NET CLI quiet and offline-friendly: no telemetry call home, no first-run banner.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ----------------------------------------------------------------------------------------------------------
# Logging
# ----------------------------------------------------------------------------------------------------------

# Log lines go to stderr so that functions can return values on stdout.
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

require_root() {
    # apt-get, runuser and chown all need root; the project's machines run everything as root.
    [[ "$(id -u)" -eq 0 ]] || die "$1 must run as root (it installs packages and runs PostgreSQL as user postgres)."
}

# A random secret for a PostgreSQL password: 48 hex characters, no quoting issues anywhere.
random_password() {
    od -An -tx1 -N24 /dev/urandom | tr -d ' \n'
}

# ----------------------------------------------------------------------------------------------------------
# Debian packages
# ----------------------------------------------------------------------------------------------------------

_C360_APT_UPDATED=""

# True when the Debian package is installed (not merely known or half-removed).
apt_package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_apt_packages PKG... — installs those that are missing; refreshes the package lists once per
# script run, just before the first install, because a fresh image's lists are stale or empty.
ensure_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        apt_package_installed "$pkg" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    require_root "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for another apt/dpkg run (e.g. unattended-upgrades) instead of failing on its lock.
    local apt=(apt-get -q -y -o DPkg::Lock::Timeout=600)
    if [[ -z "$_C360_APT_UPDATED" ]]; then
        log "Refreshing Debian package lists (apt-get update)"
        "${apt[@]}" update >/dev/null
        _C360_APT_UPDATED=1
    fi
    log "Installing Debian packages: ${missing[*]}"
    # No recommends: they pull in desktop services we never use, and slow the first run considerably.
    "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
}

# ----------------------------------------------------------------------------------------------------------
# Toolchains
# ----------------------------------------------------------------------------------------------------------

# ensure_dotnet — the .NET SDK is part of the machine image; never install it, but find it if it is
# installed yet missing from PATH (a non-login shell, e.g. CI), and say clearly when it is absent.
ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        local dir
        for dir in /usr/share/dotnet /usr/lib/dotnet /opt/dotnet "${HOME:-/root}/.dotnet"; do
            if [[ -x "$dir/dotnet" ]]; then
                export PATH="$dir:$PATH" DOTNET_ROOT="${DOTNET_ROOT:-$dir}"
                break
            fi
        done
    fi
    command -v dotnet >/dev/null 2>&1 \
        || die "The .NET SDK (dotnet) is not installed or not on PATH. It is part of the machine image (.NET SDK 10); install it before running this script."
    dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
        || die "dotnet is present but has no .NET 10 SDK (found: $(dotnet --list-sdks 2>/dev/null | awk '{print $1}' | paste -sd, -)). The projects target net10.0."
}

# ensure_node — Node.js and npm build the dashboard; the image has them, a bare Debian gets its own.
ensure_node() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        warn "node/npm not found; installing Debian's nodejs and npm (older than the image's Node 20)"
        ensure_apt_packages nodejs npm
    fi
}

# ensure_chromium — the browser tests drive Debian's Chromium (C360_CHROMIUM=/usr/bin/chromium).
ensure_chromium() {
    # Fonts: without them pages render as empty boxes in screenshots — Latin (liberation) and the
    # consoles' Simplified Chinese (wqy-microhei). ensure_apt_packages installs only what is missing.
    ensure_apt_packages chromium fonts-liberation fonts-wqy-microhei
    [[ -x /usr/bin/chromium ]] || die "Chromium was installed but /usr/bin/chromium is missing."
}

# ensure_prometheus — the monitoring tests run Debian's Prometheus (2.42 on Debian 12) and its promtool
# (C360_PROMETHEUS=/usr/bin/prometheus, C360_PROMTOOL=/usr/bin/promtool). The tests start their own servers, so
# the package's service is switched off right after the install: left on, it would hold port 9090, scrape
# nothing of ours and grow a database under /var/lib/prometheus at every boot.
ensure_prometheus() {
    if ! apt_package_installed prometheus; then
        ensure_apt_packages prometheus
        # `systemctl disable` works without a running systemd (it edits the unit links, and the SysV links too);
        # stopping needs the init system that started it, if any did (a container's policy-rc.d refuses starts).
        systemctl disable prometheus.service >/dev/null 2>&1 || update-rc.d prometheus disable >/dev/null 2>&1 || true
        if [[ -d /run/systemd/system ]]; then
            systemctl stop prometheus.service >/dev/null 2>&1 || true
        else
            invoke-rc.d prometheus stop >/dev/null 2>&1 || true
        fi
    fi
    [[ -x /usr/bin/prometheus && -x /usr/bin/promtool ]] \
        || die "Prometheus was installed but /usr/bin/prometheus or /usr/bin/promtool is missing."
}

# build_dashboard — installs the dashboard's npm packages when needed and builds it into gateway/wwwroot.
build_dashboard() {
    local dir="$C360_ROOT/dashboard"
    if [[ ! -f "$dir/package.json" ]]; then
        die "dashboard/package.json not found: the consoles cannot be built"
    fi
    ensure_node
    # `npm ci` deletes and reinstalls node_modules, which is slow; only do it when the lock file changed
    # since the last install (or Node's version did: native modules are built per version).
    local stamp="$dir/node_modules/.c360-install-stamp" want
    want="$( (sha256sum "$dir/package-lock.json" 2>/dev/null || echo "no-lock"; node --version) | sha256sum | cut -c1-64)"
    if [[ ! -d "$dir/node_modules" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        log "Installing dashboard npm packages (npm ci)"
        if [[ -f "$dir/package-lock.json" ]]; then
            (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        else
            warn "dashboard/package-lock.json is missing; using npm install (versions are not pinned)"
            (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
        fi
        echo "$want" >"$stamp"
    fi
    log "Building the dashboard (npm run build -> gateway/wwwroot)"
    (cd "$dir" && npm run build --silent)
}

# ----------------------------------------------------------------------------------------------------------
# Waiting for things
# ----------------------------------------------------------------------------------------------------------

# port_open HOST PORT — true when something accepts TCP connections there.
port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# listening_ports PID — the TCP ports PID listens on, one a line (from /proc: its socket inodes matched against
# the listening sockets of /proc/net/tcp and tcp6). Nothing when the process is gone or holds none.
listening_ports() {
    local pid=$1 inodes
    inodes="$(ls -l "/proc/$pid/fd" 2>/dev/null | sed -nE 's/.*socket:\[([0-9]+)\]$/\1/p' | sort -u | tr '\n' ' ')"
    [[ -n "$inodes" ]] || return 0
    # Columns: sl local_address rem_address st ... inode (10th); state 0A is LISTEN; the port is hex.
    awk -v inodes="$inodes" 'BEGIN { n = split(inodes, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
        FNR > 1 && $4 == "0A" && ($10 in want) { n = split($2, p, ":"); print p[n] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null |
        while read -r hex; do echo $((16#$hex)); done | sort -un
}

# wait_gone PID TIMEOUT_SECONDS — waits until PID no longer exists; fails after the timeout.
wait_gone() {
    local pid=$1 deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# wait_ports_free TIMEOUT_SECONDS PORT... — waits until nothing accepts connections on 127.0.0.1 at any of the
# ports; warns naming the ones still taken and fails after the timeout.
wait_ports_free() {
    local timeout=$1 deadline=$((SECONDS + $1)) port
    local -a busy
    shift
    while true; do
        busy=()
        for port in "$@"; do port_open 127.0.0.1 "$port" && busy+=("$port"); done
        ((${#busy[@]} == 0)) && return 0
        if ((SECONDS >= deadline)); then
            warn "port(s) ${busy[*]} still in use after ${timeout}s"
            return 1
        fi
        sleep 0.3
    done
}

# wait_port HOST PORT TIMEOUT_SECONDS [PID] — waits until the port accepts connections. With PID, gives up
# as soon as that process has exited instead of waiting out the timeout.
wait_port() {
    local host=$1 port=$2 timeout=$3 pid=${4:-} deadline=$((SECONDS + $3))
    until port_open "$host" "$port"; do
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            warn "the process (pid $pid) exited before $host:$port started listening"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            warn "nothing listens on $host:$port after ${timeout}s"
            return 1
        fi
        sleep 0.5
    done
}

# wait_http URL TIMEOUT_SECONDS [PID] — waits until URL answers 2xx. With PID, gives up as soon as that
# process has exited.
wait_http() {
    local url=$1 timeout=$2 pid=${3:-} deadline=$((SECONDS + $2))
    command -v curl >/dev/null 2>&1 || ensure_apt_packages curl ca-certificates
    until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            warn "the process (pid $pid) exited before $url answered"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            warn "$url did not answer 2xx within ${timeout}s"
            return 1
        fi
        sleep 1
    done
}

# ----------------------------------------------------------------------------------------------------------
# PostgreSQL
# ----------------------------------------------------------------------------------------------------------
#
# Each script runs its own PostgreSQL server from a data folder of its own (never the distribution's
# cluster on 5432): run.sh keeps .data/run/pg across runs, test.sh starts from an empty .data/test/pg.
# The server runs as user postgres (it refuses to run as root), listens on 127.0.0.1 only, and asks for
# the superuser's password (scram-sha-256) on TCP. Its unix socket lives in a folder next to the data
# folder, owned by postgres, so `runuser -u postgres -- psql -h <that folder> -p PORT` works without a
# password for an administrator.

PG_BIN=""   # set by ensure_postgres

# ensure_postgres — installs Debian's PostgreSQL (15 on Debian 12) when missing and sets PG_BIN.
ensure_postgres() {
    if [[ ! -x /usr/lib/postgresql/15/bin/postgres ]]; then
        require_root "Installing PostgreSQL"
        # Debian's package creates and starts a "main" cluster on port 5432 by default. We never use it,
        # so switch that off first: it would hold 5432 and memory for nothing.
        ensure_apt_packages postgresql-common
        if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
            sed -ri 's/^#?\s*create_main_cluster\s*=.*/create_main_cluster = false/' \
                /etc/postgresql-common/createcluster.conf
        fi
        ensure_apt_packages postgresql
    fi
    # Prefer 15 (what the project targets); otherwise the newest installed major version.
    local bin
    if [[ -x /usr/lib/postgresql/15/bin/postgres ]]; then
        bin=/usr/lib/postgresql/15/bin
    else
        bin="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    [[ -n "$bin" && -x "$bin/postgres" && -x "$bin/initdb" && -x "$bin/pg_ctl" ]] \
        || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin even after installing 'postgresql'."
    id postgres >/dev/null 2>&1 || die "The 'postgres' system user is missing (Debian's postgresql package creates it)."
    PG_BIN="$bin"
}

# Runs a PostgreSQL program as user postgres, from / (its cwd may be a folder postgres cannot read, which
# makes initdb and pg_ctl complain) and with a locale that exists on every Debian 12 (C.UTF-8 is built in).
_pg_as_postgres() {
    (cd / && LC_ALL=C.UTF-8 LANG=C.UTF-8 runuser -u postgres -- "$@")
}

# True when user postgres can reach (search) the folder: needs +x on it and on every folder above it.
_postgres_can_enter() {
    runuser -u postgres -- test -x "$1" 2>/dev/null
}

# pg_data_dir DATA_DIR [quiet] — prints the data folder actually used for DATA_DIR.
#
# PostgreSQL runs as postgres, which must traverse every folder above its data folder. A checkout under a
# private folder (a home folder of mode 700, a CI workspace) cannot be traversed. Folders inside this
# repository are ours, so they get o+x (search only: nobody can list or read them through that bit). A
# folder above the repository is not ours to change; then the data goes to /var/lib/customer360/ instead,
# under a name derived from DATA_DIR, so the choice is the same on every call and pg_stop finds it.
pg_data_dir() {
    local want=$1 quiet=${2:-} parent dir parts
    want="$(realpath -m "$want")"
    parent="$(dirname "$want")"
    mkdir -p "$parent"
    if ! _postgres_can_enter "$parent"; then
        # Walk down from / and open up only the folders inside the repository that block postgres.
        local path="" part blocked_outside=""
        IFS='/' read -ra parts <<<"${parent#/}"
        for part in "${parts[@]}"; do
            path="$path/$part"
            _postgres_can_enter "$path" && continue
            if [[ "$path/" == "$C360_ROOT/"* ]]; then
                [[ -n "$quiet" ]] || log "Letting user postgres traverse $path (chmod o+x)"
                chmod o+x "$path"
            else
                blocked_outside=$path
                break
            fi
        done
        if [[ -n "$blocked_outside" ]] || ! _postgres_can_enter "$parent"; then
            # e.g. /root/ci/main/.data/test/pg -> /var/lib/customer360/data-test-pg-<hash of the full path>
            local rel="${want#"$C360_ROOT"/}" hash
            rel="${rel//\//-}"
            rel="${rel##[-.]}"
            rel="${rel//-./-}"
            hash="$(printf '%s' "$want" | sha256sum | cut -c1-10)"
            dir="/var/lib/customer360/$rel-$hash"
            [[ -n "$quiet" ]] || log "User postgres cannot traverse ${blocked_outside:-$parent} (outside this repository, left as is); PostgreSQL data for $want lives in $dir instead"
            mkdir -p /var/lib/customer360
            chmod 755 /var/lib/customer360
            printf '%s\n' "$dir"
            return 0
        fi
    fi
    printf '%s\n' "$want"
}

# The folder for the server's unix socket: next to the data folder, owned by postgres (who must create
# the socket and its lock file there). Not /var/run/postgresql: that is the distribution's, and may not
# exist when the distribution's cluster was never created.
_pg_socket_dir() { printf '%s\n' "$(dirname "$1")/$(basename "$1")-socket"; }

# pg_running DATA_DIR — true when a server runs on that data folder (of the effective folder).
pg_running() {
    local data
    data="$(pg_data_dir "$1" quiet)"
    [[ -f "$data/postmaster.pid" ]] || return 1
    [[ -n "$PG_BIN" ]] || ensure_postgres
    _pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# pg_start DATA_DIR PORT PASSWORD [LOG_FILE]
# Creates the cluster if DATA_DIR is new, (re)writes its settings, sets the postgres password, starts the
# server and waits until it accepts TCP connections. A server left running on DATA_DIR (an earlier run
# that was killed) is stopped first, so the settings and password of this call always apply.
pg_start() {
    local want=$1 port=$2 password=$3 log_file=${4:-}
    require_root "pg_start"
    [[ -n "$PG_BIN" ]] || ensure_postgres
    local data sock
    data="$(pg_data_dir "$want")"
    sock="$(_pg_socket_dir "$data")"

    if pg_running "$want"; then
        log "A PostgreSQL server is still running on $data (left over from an earlier run); restarting it"
        pg_stop "$want"
    fi
    if port_open 127.0.0.1 "$port"; then
        die "Port $port on 127.0.0.1 is already in use by another program; stop it or choose another port."
    fi

    mkdir -p "$data" "$sock"
    chown postgres:postgres "$data" "$sock"
    # PostgreSQL refuses to start unless only its owner can read the data folder.
    chmod 700 "$data"
    chmod 750 "$sock"

    if [[ ! -f "$data/PG_VERSION" ]]; then
        if [[ -n "$(ls -A "$data")" ]]; then
            die "$data is neither empty nor a PostgreSQL data folder; refusing to touch it."
        fi
        log "Creating a PostgreSQL cluster in $data"
        # The password reaches initdb through a file only postgres can read (never on a command line,
        # where `ps` would show it), and the file is removed right after.
        local pwfile
        pwfile="$(mktemp "$sock/.pwfile.XXXXXX")"
        printf '%s\n' "$password" >"$pwfile"
        chown postgres:postgres "$pwfile"
        chmod 600 "$pwfile"
        # C.UTF-8 sorting and messages are the same on every machine; checksums catch silent disk corruption.
        if ! _pg_as_postgres "$PG_BIN/initdb" -D "$data" --username=postgres --pwfile="$pwfile" \
            --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
            --data-checksums >"$sock/initdb.log" 2>&1; then
            rm -f "$pwfile"
            cat "$sock/initdb.log" >&2
            die "initdb failed for $data"
        fi
        rm -f "$pwfile"
    else
        # An existing cluster: its password may differ from PASSWORD (e.g. the password file was deleted).
        # Set it in single-user mode, which needs no connection and so no password and no socket.
        local escaped=${password//\'/\'\'}
        if ! printf "ALTER ROLE postgres WITH PASSWORD '%s';\n" "$escaped" \
            | _pg_as_postgres "$PG_BIN/postgres" --single -D "$data" postgres >/dev/null 2>"$sock/single-user.log"; then
            cat "$sock/single-user.log" >&2
            die "Could not set the postgres password on $data (single-user mode failed)"
        fi
    fi

    _pg_write_config "$data" "$sock" "$port"

    # Server log: LOG_FILE when postgres can write there, otherwise inside the data folder.
    local server_log="$data/server.log"
    if [[ -n "$log_file" ]]; then
        mkdir -p "$(dirname "$log_file")"
        if _postgres_can_enter "$(dirname "$log_file")"; then
            touch "$log_file"
            chown postgres:postgres "$log_file"
            chmod 640 "$log_file"
            server_log=$log_file
        else
            log "User postgres cannot reach $(dirname "$log_file"); the PostgreSQL log stays in $server_log"
        fi
    fi

    log "Starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data: $data, log: $server_log)"
    if ! _pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$server_log" -w -t 120 start >/dev/null; then
        tail -n 30 "$server_log" >&2 || true
        die "PostgreSQL did not start; see $server_log"
    fi
    # pg_ctl -w checks the server itself; also check the way clients connect: TCP on 127.0.0.1.
    local deadline=$((SECONDS + 60))
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
        ((SECONDS < deadline)) || die "PostgreSQL started but does not accept TCP connections on 127.0.0.1:$port; see $server_log"
        sleep 0.5
    done
}

# Writes the settings this project runs with. They live in their own file, included last from
# postgresql.conf, and are rewritten on every start, so changing them here reaches existing data folders.
_pg_write_config() {
    local data=$1 sock=$2 port=$3
    # A unix socket path longer than 107 bytes cannot be created; then run on TCP only.
    local socket_dirs="$sock"
    if ((${#sock} + 20 > 107)); then
        log "The socket folder path is too long for a unix socket; PostgreSQL listens on TCP only"
        socket_dirs=""
    fi
    # Dynamic shared memory (parallel queries) lives in /dev/shm, which containers often cap at 64 MB;
    # a full /dev/shm fails queries at random. Use files in the data folder instead when it is small.
    local dsm=posix shm_kb
    shm_kb="$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $4}')"
    if [[ -z "$shm_kb" || "$shm_kb" -lt 524288 ]]; then dsm=mmap; fi

    cat >"$data/customer360.conf" <<EOF
# Written by scripts/lib.sh (pg_start) on every start; change the settings there, not here.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dirs'
unix_socket_permissions = 0770

# Sized for the project's machines: 2 cores, 24 GiB of memory, SSD.
max_connections = 300              # several silos, gateways and test hosts, each with an Npgsql pool
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB                    # per sort/hash; 300 connections x 16 MB stays well inside memory
maintenance_work_mem = 256MB
random_page_cost = 1.1
dynamic_shared_memory_type = $dsm

# Durability is a product promise: a commit that returned is on disk. Never turn these off.
fsync = on
synchronous_commit = on
full_page_writes = on

# Fewer, smoother checkpoints under a steady event stream; compressed full-page images shrink the WAL
# (lz4: a fraction of the CPU of the default pglz, on a machine PostgreSQL shares with the silo).
wal_compression = lz4
checkpoint_timeout = 15min
max_wal_size = 4GB
min_wal_size = 512MB
checkpoint_completion_target = 0.9

log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = 1000  # log statements slower than a second
EOF
    chown postgres:postgres "$data/customer360.conf"
    chmod 600 "$data/customer360.conf"
    grep -q "^include = 'customer360.conf'" "$data/postgresql.conf" \
        || printf "\n# Project settings (scripts/lib.sh), last so they win.\ninclude = 'customer360.conf'\n" >>"$data/postgresql.conf"

    # Who may connect how: postgres through the socket by OS identity, everyone on 127.0.0.1 with a
    # password. Nothing else (no ::1, no replication, no other address).
    cat >"$data/pg_hba.conf" <<'EOF'
# Written by scripts/lib.sh (pg_start) on every start.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer
host    all       all       127.0.0.1/32   scram-sha-256
EOF
    chown postgres:postgres "$data/pg_hba.conf"
    chmod 600 "$data/pg_hba.conf"
}

# pg_stop DATA_DIR — stops the server on DATA_DIR if one runs there: a "fast" shutdown, which rolls back
# open transactions, writes a checkpoint and exits cleanly (nothing committed is lost).
pg_stop() {
    local data
    data="$(pg_data_dir "$1" quiet)"
    pg_running "$1" || return 0
    log "Stopping PostgreSQL ($data)"
    if ! _pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null; then
        warn "PostgreSQL did not stop within 60s; forcing an immediate shutdown"
        _pg_as_postgres "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null || true
    fi
}

# pg_wipe DATA_DIR — stops any server on DATA_DIR and deletes its data (for throwaway test clusters).
pg_wipe() {
    local data
    data="$(pg_data_dir "$1" quiet)"
    pg_stop "$1"
    rm -rf "$data" "$(_pg_socket_dir "$data")"
}

# ----------------------------------------------------------------------------------------------------------
# .NET helpers
# ----------------------------------------------------------------------------------------------------------

# dotnet_target_path PROJECT.csproj [CONFIGURATION] — prints the built assembly's path. The usual
# bin/<Configuration>/<tfm>/ layout first (instant); otherwise ask MSBuild (handles custom output paths).
dotnet_target_path() {
    local project=$1 config=${2:-Release} dir name path
    dir="$(dirname "$project")"
    name="$(basename "$project" .csproj)"
    # shellcheck disable=SC2012  # ls -t: the newest build wins when several target frameworks exist
    path="$(ls -t "$dir"/bin/"$config"/net*/"$name".dll 2>/dev/null | head -n 1 || true)"
    if [[ -z "$path" ]]; then
        path="$(dotnet msbuild "$project" -nologo -getProperty:TargetPath -p:Configuration="$config" 2>/dev/null | tail -n 1)"
    fi
    [[ -n "$path" && -f "$path" ]] || die "Built assembly for $project not found (was it built with -c $config?)"
    printf '%s\n' "$path"
}

# ----------------------------------------------------------------------------------------------------------
# Test results
# ----------------------------------------------------------------------------------------------------------

# trx_totals FILE... — prints "PASSED FAILED SKIPPED" summed over the <Counters .../> element of each
# VSTest .trx file. Errors, timeouts and aborted tests count as failed; not-executed ones as skipped.
trx_totals() {
    if [[ $# -eq 0 ]]; then
        echo "0 0 0"
        return 0
    fi
    # Read each file whole (RS that never matches) so an element broken over several lines still parses.
    awk 'BEGIN { RS = "\001" }
        {
            s = $0
            while (match(s, /<Counters[^>]*>/)) {
                c = substr(s, RSTART, RLENGTH)
                s = substr(s, RSTART + RLENGTH)
                passed  += attr(c, "passed")
                failed  += attr(c, "failed") + attr(c, "error") + attr(c, "timeout") + attr(c, "aborted")
                skipped += attr(c, "notExecuted")
            }
        }
        function attr(el, name,   r) {
            if (match(el, "[[:space:]]" name "=\"[0-9]+\"")) {
                r = substr(el, RSTART, RLENGTH)
                gsub(/[^0-9]/, "", r)
                return r + 0
            }
            return 0
        }
        END { printf "%d %d %d\n", passed, failed, skipped }' "$@"
}

# ----------------------------------------------------------------------------------------------------------
# Processes of a run (run.sh, bench.sh). The caller declares `declare -A PIDS=()` and `ORDER=()` and sets
# LOG_DIR; with PID_DIR set, pids are also written there so a later run can stop leftovers.
# ----------------------------------------------------------------------------------------------------------

# start_process NAME WORKDIR ENV... -- COMMAND... — starts COMMAND in the background in its own session
# (Ctrl-C in the terminal reaches only the script, which stops the processes in order), logging to
# $LOG_DIR/NAME.log (appended, with a header per run, so earlier runs stay readable). The working folder is
# the project folder: its appsettings.json and (for the gateway) wwwroot/ are found relative to it, exactly as
# with `dotnet run`.
start_process() {
    local name=$1 workdir=$2
    shift 2
    local envs=()
    while [[ $1 != "--" ]]; do envs+=("$1"); shift; done
    shift
    local logfile="$LOG_DIR/$name.log"
    printf '\n===== %s: %s started by %s =====\n' "$(date -Is)" "$name" "$(basename "$0")" >>"$logfile"
    (cd "$workdir" && exec env "${envs[@]}" setsid "$@" </dev/null >>"$logfile" 2>&1) &
    PIDS[$name]=$!
    ORDER+=("$name")
    [[ -z "${PID_DIR:-}" ]] || echo "$!" >"$PID_DIR/$name.pid"
    log "Started $name (pid $!, log $logfile)"
}

# stop_process NAME [SIGNAL [GRACE]] — SIGTERM by default (the .NET host shuts down gracefully: a silo hands
# its grains over and leaves the cluster), then SIGKILL if it is still there after GRACE seconds (default 45;
# .NET's own shutdown limit is 30 s).
stop_process() {
    local name=$1 signal=${2:-TERM} grace=${3:-45} pid=${PIDS[$1]:-}
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        log "Stopping $name (pid $pid)"
        kill -"$signal" "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + grace))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
        if kill -0 "$pid" 2>/dev/null; then
            warn "$name did not stop within ${grace}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    [[ -z "${PID_DIR:-}" ]] || rm -f "$PID_DIR/$name.pid"
    unset "PIDS[$name]"
}

# dotnet_release_build TARGET LOGFILE — a Release build, quiet on success; on failure the compiler errors
# (each once) and where the full output is.
dotnet_release_build() {
    local target=$1 logfile=$2
    if ! dotnet build "$target" -c Release --nologo -tl:off -v minimal >>"$logfile" 2>&1; then
        grep -E ': error [A-Z]+[0-9]+' "$logfile" | sort -u | head -n 40 >&2 || tail -n 40 "$logfile" >&2
        die "The build of $(basename "$target") failed; see $logfile"
    fi
}

# cluster_env CONNECTION CLUSTER_ID — the settings every process of a run shares, in .NET's
# environment-variable form (Section__Key), into the array COMMON_ENV.
cluster_env() {
    COMMON_ENV=(
        "ConnectionStrings__Customer360=$1"
        "Cluster__ClusterId=$2"
        "Cluster__ServiceId=$2"
        "DOTNET_ENVIRONMENT=Production"
        "ASPNETCORE_ENVIRONMENT=Production"
        "${DEMO_TLS_ENV[@]}"
    )
}

# create_db_roles SILO_DLL ADMIN_CONNECTION OWNER_PW_FILE SILO_PW_FILE GATEWAY_PW_FILE LOGFILE — the silo's
# `create-roles` command, as the administrator of ADMIN_CONNECTION: the roles c360_owner, c360_silo and c360_gateway
# (passwords from the files, set again on every run) and ADMIN_CONNECTION's database, owned by c360_owner.
# Idempotent. The passwords reach the command through its environment, never its command line.
create_db_roles() {
    log "Creating the database roles c360_owner, c360_silo and c360_gateway"
    (cd "$ROOT/silo" && env "ConnectionStrings__Admin=$2" "Database__Passwords__Owner=$(cat "$3")" \
        "Database__Passwords__Silo=$(cat "$4")" "Database__Passwords__Gateway=$(cat "$5")" \
        DOTNET_ENVIRONMENT=Production dotnet "$1" create-roles) >>"$6" 2>&1 \
        || { tail -n 30 "$6" >&2; die "Creating the database roles failed; see $6"; }
}

# migrate_schema SILO_DLL LOGFILE — applies the schema (idempotent) with the silo's `migrate` command.
migrate_schema() {
    log "Applying the database schema"
    (cd "$ROOT/silo" && env "${COMMON_ENV[@]}" dotnet "$1" migrate) >>"$2" 2>&1 \
        || { tail -n 30 "$2" >&2; die "Schema migration failed; see $2"; }
}

# ----------------------------------------------------------------------------------------------------------
# Cluster TLS for the demo (run.sh, bench.sh)
# ----------------------------------------------------------------------------------------------------------

# make_demo_certs DIR — self-made DEMO certificates for the cluster's mutual TLS: a CA (ca.pem) and one
# certificate with its key (cluster.pem, cluster.key) that every silo and the gateway present, with key usage
# for both server and client authentication. Kept between runs while valid for 30 more days. The CA's key is
# deleted once the certificate is signed, so nothing in DIR can mint another cluster certificate. A
# production install uses certificates from its own CA instead (README, "Certificates").
make_demo_certs() {
    local dir=$1
    command -v openssl >/dev/null 2>&1 || ensure_apt_packages openssl
    mkdir -p "$dir"
    chmod 700 "$dir"
    if [[ -s "$dir/ca.pem" && -s "$dir/cluster.pem" && -s "$dir/cluster.key" ]] \
        && openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/cluster.pem" >/dev/null 2>&1 \
        && openssl verify -CAfile "$dir/ca.pem" "$dir/cluster.pem" >/dev/null 2>&1; then
        log "Cluster TLS: reusing the self-made DEMO certificates in $dir"
        return 0
    fi
    log "Cluster TLS: making self-made DEMO certificates in $dir (a throwaway CA and one certificate for silos and gateway; not for production)"
    rm -f "$dir"/ca.pem "$dir"/ca.key "$dir"/cluster.pem "$dir"/cluster.key
    if ! (
        set -e
        umask 077
        cd "$dir"
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 825 \
            -keyout ca.key -out ca.pem -subj "/CN=Customer360 DEMO cluster CA (self-made by run.sh)" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
            -keyout cluster.key -out cluster.csr -subj "/CN=customer360-demo-node"
        printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
            "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" >cluster.ext
        openssl x509 -req -in cluster.csr -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 397 \
            -extfile cluster.ext -out cluster.pem
        rm -f ca.key ca.srl cluster.csr cluster.ext
    ) >"$dir/openssl.log" 2>&1; then
        cat "$dir/openssl.log" >&2
        die "Could not make the demo cluster certificates with openssl; see $dir/openssl.log"
    fi
    chmod 644 "$dir/ca.pem" "$dir/cluster.pem"
}

# demo_tls_env DIR — the Cluster:Tls settings naming DIR's demo certificates, into the array DEMO_TLS_ENV, which
# every later cluster_env adds to COMMON_ENV (so call it first).
DEMO_TLS_ENV=()
demo_tls_env() {
    DEMO_TLS_ENV=(
        "Cluster__Tls__CertificatePath=$1/cluster.pem"
        "Cluster__Tls__CertificateKeyPath=$1/cluster.key"
        "Cluster__Tls__CaPath=$1/ca.pem"
    )
}
