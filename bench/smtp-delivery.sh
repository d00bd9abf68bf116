#!/usr/bin/env bash
# SMTP accept + local Maildir delivery throughput, Tegami beside Postfix, on this machine.
#
#   bench/smtp-delivery.sh [MESSAGES] [SESSIONS] [SIZE]      (defaults: 2000 10 4096)
#   ROUNDS=5 bench/smtp-delivery.sh ...                      (rounds alternate Tegami and Postfix)
#   WARMUP=2000 bench/smtp-delivery.sh ...                   (messages sent to each before measuring)
#
# Both servers listen on loopback and deliver every message to one Maildir with fsync on:
# Tegami through its queue and local delivery agent, Postfix (Debian's package, its own instance
# under a temporary folder) through virtual(8), its fastest local path. Postfix's smtp-source
# drives both the same way: SESSIONS parallel clients, a new connection per message, one
# recipient each. It prints messages/s accepted (until the last 250) and delivered (until the
# last file is in Maildir/new), the CPU time each server used per 1000 messages (a figure that
# other load on the machine disturbs much less than the rates), and Tegami's ratios to Postfix.
# With ROUNDS > 1 both servers stay up and take turns, and the median ratios close the table:
# on a shared machine, compare ratios of one run, never rates of different runs. Each server first
# gets WARMUP messages the same way, unmeasured: the JVM compiles its hot paths only after a few
# thousand messages, and the first rounds would measure the compiler rather than the server.
# Numbers, never pass/fail.
#
# Needs: a built distribution (mvn package -DskipTests), root (Postfix's master runs as root),
# and Debian's postfix package (installed here if missing).
set -euo pipefail
MESSAGES=${1:-2000}
SESSIONS=${2:-10}
SIZE=${3:-4096}
ROUNDS=${ROUNDS:-1}
WARMUP=${WARMUP:-2000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST="${TEGAMI_DIST:-$ROOT/distribution/target/tegami}"
WORK=$(mktemp -d /tmp/tegami-bench.XXXXXX)
chmod 755 "$WORK"   # Postfix's virtual(8) delivers as nobody and must reach the Maildir
TEGAMI_PORT=${TEGAMI_PORT:-12525}
POSTFIX_PORT=${POSTFIX_PORT:-12526}
TICKS=$(getconf CLK_TCK)

[ -x "$DIST/bin/tegami" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
if ! command -v smtp-source >/dev/null || ! command -v postfix >/dev/null; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

PF="$WORK/postfix"
cleanup() {
    "$WORK/tegami/bin/tegami" stop >/dev/null 2>&1 || true
    postfix -c "$PF/conf" stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

count_new() { find "$1" -type f 2>/dev/null | wc -l; }
now() { date +%s.%N; }

# Waits until $2 files are in folder $1; prints the time the last one appeared.
await_delivered() {
    local dir=$1 want=$2 deadline=$(( $(date +%s) + 600 ))
    while [ "$(count_new "$dir")" -lt "$want" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout: $(count_new "$dir")/$want delivered" >&2; return 1; }
        sleep 0.05
    done
    now
}

# CPU ticks (user + system) of process $1 and of its children, reaped or alive.
cpu_ticks() {
    local total c
    total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat")
    for c in $(ps -o pid= --ppid "$1"); do
        total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$c/stat" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}

# One measured load: $1 port, $2 Maildir/new, $3 server pid. Prints "accepted/s delivered/s cpu-s/1000".
measure() {
    local t0 c0 t_acc t_del c1
    rm -f "$2"/*
    c0=$(cpu_ticks "$3"); t0=$(now)
    smtp-source -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f bench@localhost -t bench@localhost "127.0.0.1:$1" >&2
    t_acc=$(now)
    t_del=$(await_delivered "$2" "$MESSAGES")
    c1=$(cpu_ticks "$3")
    echo "$(echo "$MESSAGES / ($t_acc - $t0)" | bc -l) $(echo "$MESSAGES / ($t_del - $t0)" | bc -l)" \
        "$(echo "($c1 - $c0) / $TICKS / $MESSAGES * 1000" | bc -l)"
}

# --- Tegami ---------------------------------------------------------------------------------
mkdir -p "$WORK/tegami"
cp -a "$DIST/." "$WORK/tegami/"
rm -rf "$WORK/tegami/data"/* "$WORK/tegami/logs"/*
rm -f "$WORK/tegami/configs/tegami.listener-"*.cfg
cat > "$WORK/tegami/configs/tegami.listener-smtp.cfg" <<CFG
name = smtp
protocol = smtp
address = 127.0.0.1
port = $TEGAMI_PORT
tls = none
CFG
"$WORK/tegami/bin/tegami" start >/dev/null
"$WORK/tegami/bin/tegami-ctl" useradd bench 'bench password' >/dev/null
TEGAMI_PID=$(cat "$WORK/tegami/data/tegami.pid")
TEGAMI_MAILDIR="$WORK/tegami/data/home/bench/Maildir/new"
# Warm-up: JIT and the first Maildir.
smtp-source -s "$SESSIONS" -m "$WARMUP" -l "$SIZE" -f bench@localhost -t bench@localhost "127.0.0.1:$TEGAMI_PORT"
await_delivered "$TEGAMI_MAILDIR" "$WARMUP" >/dev/null

# --- Postfix --------------------------------------------------------------------------------
mkdir -p "$PF/conf" "$PF/queue" "$PF/data" "$PF/mail"
chown postfix "$PF/data"
cp /etc/postfix/master.cf "$PF/conf/master.cf" 2>/dev/null || cp /usr/share/postfix/master.cf.dist "$PF/conf/master.cf"
sed -i "s/^smtp      inet.*/127.0.0.1:$POSTFIX_PORT inet n - n - - smtpd/" "$PF/conf/master.cf"
cat > "$PF/conf/main.cf" <<CFG
compatibility_level = 3.6
queue_directory = $PF/queue
data_directory = $PF/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = bench.localdomain
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
virtual_mailbox_domains = localhost
virtual_mailbox_base = $PF/mail
virtual_mailbox_maps = static:bench/Maildir/
virtual_uid_maps = static:$(id -u nobody)
virtual_gid_maps = static:$(id -g nobody)
maillog_file = $PF/maillog
maillog_file_prefixes = $PF
smtpd_banner = \$myhostname ESMTP
CFG
chown nobody: "$PF/mail"
postfix -c "$PF/conf" check >/dev/null 2>&1 || true
postfix -c "$PF/conf" start >/dev/null 2>&1
sleep 1
POSTFIX_PID=$(head -1 "$PF/queue/pid/master.pid" | tr -d ' ')
POSTFIX_MAILDIR="$PF/mail/bench/Maildir/new"
smtp-source -s "$SESSIONS" -m "$WARMUP" -l "$SIZE" -f bench@localhost -t bench@localhost "127.0.0.1:$POSTFIX_PORT"
await_delivered "$POSTFIX_MAILDIR" "$WARMUP" >/dev/null

# --- Rounds ---------------------------------------------------------------------------------
printf '\nSMTP accept + Maildir delivery, %d messages of %d bytes, %d sessions, new connection per message\n' \
    "$MESSAGES" "$SIZE" "$SESSIONS"
printf '%-6s %-8s %14s %15s %16s\n' round server "accepted msg/s" "delivered msg/s" "cpu-s/1000 msgs"
RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
    read -r t_acc t_del t_cpu < <(measure "$TEGAMI_PORT" "$TEGAMI_MAILDIR" "$TEGAMI_PID")
    read -r p_acc p_del p_cpu < <(measure "$POSTFIX_PORT" "$POSTFIX_MAILDIR" "$POSTFIX_PID")
    printf '%-6s %-8s %14.0f %15.0f %16.2f\n' "$round" Tegami "$t_acc" "$t_del" "$t_cpu" "$round" Postfix "$p_acc" "$p_del" "$p_cpu"
    r_acc=$(echo "$t_acc / $p_acc" | bc -l); r_del=$(echo "$t_del / $p_del" | bc -l); r_cpu=$(echo "$t_cpu / $p_cpu" | bc -l)
    printf '%-6s %-8s %14.2f %15.2f %16.2f\n' "$round" ratio "$r_acc" "$r_del" "$r_cpu"
    RATIOS+=("$r_acc $r_del $r_cpu")
done
if [ "$ROUNDS" -gt 1 ]; then
    median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
    m_acc=$(printf '%s\n' "${RATIOS[@]}" | awk '{print $1}' | median)
    m_del=$(printf '%s\n' "${RATIOS[@]}" | awk '{print $2}' | median)
    m_cpu=$(printf '%s\n' "${RATIOS[@]}" | awk '{print $3}' | median)
    printf '%-6s %-8s %14.2f %15.2f %16.2f\n' median ratio "$m_acc" "$m_del" "$m_cpu"
fi
