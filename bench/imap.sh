#!/usr/bin/env bash
# IMAP, Tegami beside Dovecot on this machine (issue 6): throughput and latency of whole client
# sessions on a big folder, and the memory of many idle sessions.
#
#   bench/imap.sh [SESSIONS] [CLIENTS] [MESSAGES] [BODIES]          (defaults: 300 10 1000 20)
#   IDLE_SESSIONS=10000 DOVECOT_IDLE_SESSIONS=1000 IDLE_MESSAGES=100 bench/imap.sh ...
#   BASELINE_DIST=/copy/of/an/older/distribution IDLE_SESSIONS=0 bench/imap.sh ...
#   WARMUP=1000 IDLE_SESSIONS=0 bench/imap.sh 1000
#
# BASELINE_DIST: also load a second Tegami (say, a copy of the distribution before a change)
# in the same run, first, and print its table too: before/after ratios on one machine state.
# IDLE_SESSIONS=0 skips the idle-memory tests.
#
# Load: CLIENTS concurrent clients, each logged in as a user of its own whose INBOX is a copy of
# one Maildir of MESSAGES messages of 4 KiB (senders, subjects and dates that differ, every
# fifth message multipart with an attachment), run SESSIONS sessions in all. A session: connect,
# LOGIN, SELECT INBOX, FETCH 1:* (FLAGS ENVELOPE), FETCH of BODIES whole messages
# (BODY.PEEK[]), UID SEARCH SUBJECT, STORE +FLAGS and -FLAGS on one message, LOGOUT (see
# imap/load.py). It prints sessions/s, commands/s and each command's p50/p99 latency, the CPU
# time the server used per session (imap/cpu.py: the JVM; Dovecot's master and every process
# under it, exited imap processes included), which other programs on a shared machine disturb
# far less than the rates, and the largest memory (PSS) the server used during the load. A p99
# is the 3rd-worst of 300 samples at the default SESSIONS: use 1000 or more for p99s that hold
# still from run to run. Both servers get a warm-up of
# WARMUP sessions first (default CLIENTS x 5: the JIT, Dovecot's index and cache files). Tegami's
# CPU per session keeps falling for about a thousand sessions (C2 compiles on the same two
# cores as the load, which shows in the p99s): WARMUP=1000 measures a server that has run a while.
#
# Idle memory: IDLE_SESSIONS sessions (spread over IDLE_USERS users whose INBOX holds
# IDLE_MESSAGES messages of 2 KiB) log in, SELECT INBOX, enter IDLE and stay (imap/idle.py). The
# figure is the server's memory with them minus its memory before, per session: PSS of the JVM
# (after a full GC) and its live Java heap for Tegami; the PSS of every Dovecot process (master,
# auth, one imap process per session...) for Dovecot. Dovecot gets DOVECOT_IDLE_SESSIONS
# sessions (default 1000: one process each; raise it if the machine has the memory).
#
# Both servers: plain IMAP on loopback, {PLAIN} passwords from a passwd-file, Maildir, their own
# default settings but for these limits, raised for the idle sessions: Tegami's listener
# max_connections (default 100) and mail_max_userip_connections (default 10); Dovecot's process
# and client limits and mail_max_userip_connections. Numbers, never pass/fail.
#
# Needs: a built distribution (mvn package -DskipTests), root (Dovecot's master runs as root, its
# mail processes as nobody), python3, jcmd (the JDK), Debian's dovecot-imapd (installed here if
# missing).
set -euo pipefail
SESSIONS=${1:-300}
CLIENTS=${2:-10}
MESSAGES=${3:-1000}
BODIES=${4:-20}
WARMUP=${WARMUP:-$(( CLIENTS * 5 ))}
IDLE_SESSIONS=${IDLE_SESSIONS:-10000}
DOVECOT_IDLE_SESSIONS=${DOVECOT_IDLE_SESSIONS:-1000}
IDLE_USERS=${IDLE_USERS:-100}
IDLE_MESSAGES=${IDLE_MESSAGES:-100}
BASELINE_DIST=${BASELINE_DIST:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/bench/imap"
DIST="${TEGAMI_DIST:-$ROOT/distribution/target/tegami}"
WORK=$(mktemp -d /tmp/tegami-bench-imap.XXXXXX)
chmod 755 "$WORK"   # Dovecot's mail processes run as nobody and must reach the Maildirs
TEGAMI_PORT=${TEGAMI_PORT:-12143}
DOVECOT_PORT=${DOVECOT_PORT:-12144}
PASSWORD='bench password'
PER_USER=$(( (IDLE_SESSIONS + IDLE_USERS - 1) / IDLE_USERS + 10 ))

[ -x "$DIST/bin/tegami" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (Dovecot's master)" >&2; exit 1; }
command -v jcmd >/dev/null || { echo "jcmd (the JDK) is needed for the heap figures" >&2; exit 1; }
if [ ! -x /usr/lib/dovecot/imap ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dovecot-imapd >/dev/null
fi
ulimit -n "$(ulimit -Hn)"   # every idle session is a descriptor on both sides

T=""
DV="$WORK/dovecot"
IDLE_PID=""
cleanup() {
    [ -n "$IDLE_PID" ] && kill "$IDLE_PID" 2>/dev/null || true
    [ -n "$T" ] && "$T/bin/tegami" stop >/dev/null 2>&1 || true
    [ -f "$DV/run/master.pid" ] && kill "$(cat "$DV/run/master.pid")" 2>/dev/null || true
    sleep 1
    rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[$(date +%T)] $*" >&2; }

python3 "$HERE/genmaildir.py" "$MESSAGES" 4096 "$WORK/maildir"
python3 "$HERE/genmaildir.py" "$IDLE_MESSAGES" 2048 "$WORK/small"
users() { seq 1 "$CLIENTS" | sed 's/^/bench/'; }
idle_users() { seq 1 "$IDLE_USERS" | sed 's/^/idle/'; }

run_load() { python3 "$HERE/load.py" "$1" "$2" "$CLIENTS" "$PASSWORD" "$MESSAGES" "$BODIES"; }

# Runs the load against port $1 while sampling the memory of process tree $2 every half second;
# prints the load's JSON, then the largest PSS seen (KiB) on a second line, then the CPU time
# (ms) the process tree used during the load on a third: the figure the other programs on a
# shared machine disturb least.
measured_load() {
    local port=$1 pid=$2 out cpu0 cpu1
    ( while :; do python3 "$HERE/mem.py" "$pid"; sleep 0.5; done ) > "$WORK/mem.samples" &
    local sampler=$!
    cpu0=$(python3 "$HERE/cpu.py" "$pid")
    out=$(run_load "$port" "$SESSIONS")
    cpu1=$(python3 "$HERE/cpu.py" "$pid")
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    echo "$out"
    sort -n "$WORK/mem.samples" | tail -1 | cut -d' ' -f1
    echo $(( cpu1 - cpu0 ))
}

# Opens $2 idle sessions on port $1 (users idle1..); returns once all are idling (or failed),
# with their number in IDLE_COUNT. Not in a subshell: the sessions last while fd 7 is open.
idle_open() {
    rm -f "$WORK/hold" "$WORK/idle.out"
    mkfifo "$WORK/hold"
    python3 "$HERE/idle.py" "$1" "$2" "$IDLE_USERS" idle "$PASSWORD" < "$WORK/hold" > "$WORK/idle.out" 2>&1 &
    IDLE_PID=$!
    exec 7>"$WORK/hold"
    local deadline=$(( $(date +%s) + 900 ))
    until grep -q '^ready' "$WORK/idle.out"; do
        [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$IDLE_PID" 2>/dev/null \
            || { cat "$WORK/idle.out" >&2; echo "idle sessions did not open" >&2; exit 1; }
        sleep 1
    done
    grep -v '^ready' "$WORK/idle.out" >&2 || true
    IDLE_COUNT=$(sed -n 's/^ready //p' "$WORK/idle.out")
}
idle_close() {
    exec 7>&-
    wait "$IDLE_PID" 2>/dev/null || true
    IDLE_PID=""
}

heap_kib() { jcmd "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1; }
full_gc() { jcmd "$1" GC.run >/dev/null; sleep 2; }

# --- Tegami ---------------------------------------------------------------------------------
# Runs the load and the idle test against the distribution $1 (in $WORK/$2); sets T_LOAD,
# T_PEAK, T_IDLE, T_BEFORE, T_AFTER, T_HEAP_BEFORE, T_HEAP_AFTER.
tegami_run() {
    T="$WORK/$2"
    mkdir -p "$T"
    if command -v flock >/dev/null; then flock /tmp/tegami-it.lock cp -a "$1/." "$T/"; else cp -a "$1/." "$T/"; fi
    rm -rf "$T/data"/* "$T/logs"/*
    rm -f "$T/configs/tegami.listener-"*.cfg
    cat > "$T/configs/tegami.listener-imap.cfg" <<CFG
name = imap
protocol = imap
address = 127.0.0.1
port = $TEGAMI_PORT
tls = none
idle_timeout = 1800
max_connections = $(( IDLE_SESSIONS + CLIENTS + 100 ))
CFG
    {
        echo "mail_location = maildir:~/Maildir"
        echo "mail_max_userip_connections = $PER_USER"
    } >> "$T/configs/tegami.main.cfg"
    local u
    for u in $(users); do
        mkdir -p "$T/data/home/$u"
        cp -a "$WORK/maildir" "$T/data/home/$u/Maildir"
        echo "$u:{PLAIN}$PASSWORD::::$T/data/home/$u::" >> "$T/data/passwd"
    done
    for u in $(idle_users); do
        mkdir -p "$T/data/home/$u"
        cp -a "$WORK/small" "$T/data/home/$u/Maildir"
        echo "$u:{PLAIN}$PASSWORD::::$T/data/home/$u::" >> "$T/data/passwd"
    done
    "$T/bin/tegami" start >/dev/null
    TPID=$(cat "$T/data/tegami.pid")
    for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$TEGAMI_PORT") 2>/dev/null && break; sleep 0.2; done
    log "Tegami ($2): warm-up, $WARMUP sessions"
    run_load "$TEGAMI_PORT" "$WARMUP" >/dev/null
    log "Tegami ($2): $SESSIONS sessions, $CLIENTS clients"
    { read -r T_LOAD; read -r T_PEAK; read -r T_CPU; } < <(measured_load "$TEGAMI_PORT" "$TPID")
    T_IDLE=0 T_BEFORE=0 T_AFTER=0 T_HEAP_BEFORE=0 T_HEAP_AFTER=0
    if [ "$IDLE_SESSIONS" -gt 0 ]; then
        log "Tegami ($2): $IDLE_SESSIONS idle sessions"
        full_gc "$TPID"
        read -r T_BEFORE _ < <(python3 "$HERE/mem.py" "$TPID")
        T_HEAP_BEFORE=$(heap_kib "$TPID")
        idle_open "$TEGAMI_PORT" "$IDLE_SESSIONS"
        T_IDLE=$IDLE_COUNT
        full_gc "$TPID"
        read -r T_AFTER _ < <(python3 "$HERE/mem.py" "$TPID")
        T_HEAP_AFTER=$(heap_kib "$TPID")
        idle_close
    fi
    "$T/bin/tegami" stop >/dev/null
    T=""
}

B_LOAD="" B_PEAK=0 B_CPU=0
if [ -n "$BASELINE_DIST" ]; then
    tegami_run "$BASELINE_DIST" tegami-baseline
    B_LOAD=$T_LOAD B_PEAK=$T_PEAK B_CPU=$T_CPU
fi
tegami_run "$DIST" tegami

# --- Dovecot --------------------------------------------------------------------------------
mkdir -p "$DV/run" "$DV/home"
for u in $(users); do
    mkdir -p "$DV/home/$u"
    cp -a "$WORK/maildir" "$DV/home/$u/Maildir"
    echo "$u:{PLAIN}$PASSWORD:$(id -u nobody):$(id -g nobody)::$DV/home/$u" >> "$DV/passwd"
done
for u in $(idle_users); do
    mkdir -p "$DV/home/$u"
    cp -a "$WORK/small" "$DV/home/$u/Maildir"
    echo "$u:{PLAIN}$PASSWORD:$(id -u nobody):$(id -g nobody)::$DV/home/$u" >> "$DV/passwd"
done
chown -R nobody: "$DV/home"
DOVECOT_LIMIT=$(( DOVECOT_IDLE_SESSIONS + CLIENTS + 100 ))
cat > "$DV/dovecot.conf" <<CFG
base_dir = $DV/run
protocols = imap
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
default_login_user = dovenull
default_internal_user = dovecot
log_path = $DV/dovecot.log
default_process_limit = $DOVECOT_LIMIT
default_client_limit = $(( DOVECOT_LIMIT * 4 ))
passdb {
  driver = passwd-file
  args = $DV/passwd
}
userdb {
  driver = passwd-file
  args = $DV/passwd
}
protocol imap {
  mail_max_userip_connections = $PER_USER
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_PORT
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
CFG
dovecot -c "$DV/dovecot.conf"
for _ in $(seq 1 100); do [ -s "$DV/run/master.pid" ] && break; sleep 0.1; done
DPID=$(cat "$DV/run/master.pid")
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$DOVECOT_PORT") 2>/dev/null && break; sleep 0.2; done
log "Dovecot: warm-up, $WARMUP sessions"
run_load "$DOVECOT_PORT" "$WARMUP" >/dev/null
log "Dovecot: $SESSIONS sessions, $CLIENTS clients"
{ read -r D_LOAD; read -r D_PEAK; read -r D_CPU; } < <(measured_load "$DOVECOT_PORT" "$DPID")
D_IDLE=0 D_BEFORE=0 D_AFTER=0 D_PROCS=0
if [ "$DOVECOT_IDLE_SESSIONS" -gt 0 ] && [ "$IDLE_SESSIONS" -gt 0 ]; then
    log "Dovecot: $DOVECOT_IDLE_SESSIONS idle sessions"
    sleep 2
    read -r D_BEFORE _ < <(python3 "$HERE/mem.py" "$DPID")
    idle_open "$DOVECOT_PORT" "$DOVECOT_IDLE_SESSIONS"
    D_IDLE=$IDLE_COUNT
    sleep 2
    read -r D_AFTER D_PROCS < <(python3 "$HERE/mem.py" "$DPID")
    idle_close
fi
grep -E 'Error|Fatal|Warning' "$DV/dovecot.log" | sort | uniq -c | sort -rn | head -5 >&2 || true

# --- Table ----------------------------------------------------------------------------------
python3 - "$T_LOAD" "$D_LOAD" "$T_PEAK" "$D_PEAK" "$SESSIONS" "$CLIENTS" "$MESSAGES" "$BODIES" \
        "$B_LOAD" "$B_PEAK" "$T_CPU" "$D_CPU" "$B_CPU" <<'PY'
import json, sys
t, d = json.loads(sys.argv[1]), json.loads(sys.argv[2])
tpeak, dpeak = int(sys.argv[3]), int(sys.argv[4])
sessions = int(sys.argv[5])
tcpu, dcpu, bcpu = (int(x) / sessions for x in sys.argv[11:14])
print("\nIMAP sessions: %s sessions, %s clients, INBOX of %s messages of 4 KiB, FETCH of %s bodies"
      % tuple(sys.argv[5:9]))
if sys.argv[9]:
    # The baseline distribution (BASELINE_DIST), measured in this run: its table first.
    b = json.loads(sys.argv[9])
    print("\nbaseline Tegami (BASELINE_DIST) against Dovecot")
    print("%-22s %12s %12s %8s" % ("", "baseline", "Dovecot", "ratio"))
    for key, name in (("sessions_per_s", "sessions/s"), ("commands_per_s", "commands/s")):
        print("%-22s %12.1f %12.1f %8.2f" % (name, b[key], d[key], b[key] / d[key]))
    print("%-22s %12.1f %12.1f %8.2f" % ("CPU ms per session", bcpu, dcpu, bcpu / max(dcpu, 1e-3)))
    print("%-22s %9s %9s %9s %9s" % ("command", "B p50", "D p50", "B p99", "D p99"))
    for name in ("connect", "LOGIN", "SELECT", "FETCH envelopes", "FETCH bodies", "UID SEARCH", "STORE", "LOGOUT"):
        x, y = b["latency_ms"][name], d["latency_ms"][name]
        print("%-22s %9.2f %9.2f %9.2f %9.2f" % (name, x["p50"], y["p50"], x["p99"], y["p99"]))
    print("\nTegami against Dovecot")
print("%-22s %12s %12s %8s" % ("", "Tegami", "Dovecot", "ratio"))
for key, name in (("sessions_per_s", "sessions/s"), ("commands_per_s", "commands/s")):
    print("%-22s %12.1f %12.1f %8.2f" % (name, t[key], d[key], t[key] / d[key]))
print("%-22s %12.1f %12.1f %8.2f" % ("CPU ms per session", tcpu, dcpu, tcpu / max(dcpu, 1e-3)))
print("%-22s %12.0f %12.0f %8.2f" % ("peak memory, MiB", tpeak / 1024, dpeak / 1024, tpeak / dpeak))
print("\nlatency, ms (ratio above 1: Tegami slower)")
print("%-22s %9s %9s %9s %9s %7s %7s" % ("command", "T p50", "D p50", "T p99", "D p99", "p50 x", "p99 x"))
for name in ("connect", "LOGIN", "SELECT", "FETCH envelopes", "FETCH bodies", "UID SEARCH", "STORE", "LOGOUT"):
    a, b = t["latency_ms"][name], d["latency_ms"][name]
    print("%-22s %9.2f %9.2f %9.2f %9.2f %7.2f %7.2f" % (name, a["p50"], b["p50"], a["p99"], b["p99"],
          a["p50"] / max(b["p50"], 1e-3), a["p99"] / max(b["p99"], 1e-3)))
PY
[ "$IDLE_SESSIONS" -gt 0 ] || exit 0
printf '\nIdle sessions (LOGIN, SELECT INBOX of %d messages, IDLE), memory per session\n' "$IDLE_MESSAGES"
printf '%-10s %9s %14s %16s\n' server sessions "PSS KiB/sess" "heap KiB/sess"
printf '%-10s %9d %14.1f %16.1f\n' Tegami "$T_IDLE" "$(echo "($T_AFTER - $T_BEFORE) / $T_IDLE" | bc -l)" \
    "$(echo "($T_HEAP_AFTER - $T_HEAP_BEFORE) / $T_IDLE" | bc -l)"
printf '%-10s %9d %14.1f %16s\n' Dovecot "$D_IDLE" "$(echo "($D_AFTER - $D_BEFORE) / $D_IDLE" | bc -l)" "($D_PROCS processes)"
printf 'Tegami JVM: %d MiB PSS with %d sessions (%d MiB before)\n' $(( T_AFTER / 1024 )) "$T_IDLE" $(( T_BEFORE / 1024 ))
