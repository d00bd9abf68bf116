#!/usr/bin/env bash
# SMTP accept + local Maildir delivery throughput, Tegami beside Postfix, on this machine.
#
#   bench/smtp-delivery.sh [MESSAGES] [SESSIONS] [SIZE]      (defaults: 2000 10 4096)
#
# Both servers listen on loopback and deliver every message to one Maildir with fsync on:
# Tegami through its queue and local delivery agent, Postfix (Debian's package, its own instance
# under a temporary folder) through virtual(8), its fastest local path. Postfix's smtp-source
# drives both the same way: SESSIONS parallel clients, a new connection per message, one
# recipient each. It prints messages/s accepted (until the last 250) and delivered (until the
# last file is in Maildir/new), and Tegami's ratio to Postfix. Numbers, never pass/fail.
#
# Needs: a built distribution (mvn package -DskipTests), root (Postfix's master runs as root),
# and Debian's postfix package (installed here if missing).
set -euo pipefail
MESSAGES=${1:-2000}
SESSIONS=${2:-10}
SIZE=${3:-4096}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST="${TEGAMI_DIST:-$ROOT/distribution/target/tegami}"
WORK=$(mktemp -d /tmp/tegami-bench.XXXXXX)
chmod 755 "$WORK"   # Postfix's virtual(8) delivers as nobody and must reach the Maildir
TEGAMI_PORT=${TEGAMI_PORT:-12525}
POSTFIX_PORT=${POSTFIX_PORT:-12526}

[ -x "$DIST/bin/tegami" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
if ! command -v smtp-source >/dev/null || ! command -v postfix >/dev/null; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

cleanup() {
    "$WORK/tegami/bin/tegami" stop >/dev/null 2>&1 || true
    postfix -c "$WORK/postfix/conf" stop >/dev/null 2>&1 || true
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

run_load() { # $1 port, $2 recipient; prints the end time
    smtp-source -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f bench@localhost -t "$2" "127.0.0.1:$1"
    now
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
TEGAMI_MAILDIR="$WORK/tegami/data/home/bench/Maildir/new"
# Warm-up: JIT and the first Maildir.
smtp-source -s 2 -m 200 -l "$SIZE" -f bench@localhost -t bench@localhost "127.0.0.1:$TEGAMI_PORT"
await_delivered "$TEGAMI_MAILDIR" 200 >/dev/null
rm -f "$TEGAMI_MAILDIR"/*
t0=$(now); t_acc=$(run_load "$TEGAMI_PORT" bench@localhost); t_del=$(await_delivered "$TEGAMI_MAILDIR" "$MESSAGES")
tegami_acc=$(echo "$MESSAGES / ($t_acc - $t0)" | bc -l); tegami_del=$(echo "$MESSAGES / ($t_del - $t0)" | bc -l)
"$WORK/tegami/bin/tegami" stop >/dev/null

# --- Postfix --------------------------------------------------------------------------------
PF="$WORK/postfix"
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
POSTFIX_MAILDIR="$PF/mail/bench/Maildir/new"
smtp-source -s 2 -m 200 -l "$SIZE" -f bench@localhost -t bench@localhost "127.0.0.1:$POSTFIX_PORT"
await_delivered "$POSTFIX_MAILDIR" 200 >/dev/null
rm -f "$POSTFIX_MAILDIR"/*
t0=$(now); t_acc=$(run_load "$POSTFIX_PORT" bench@localhost); t_del=$(await_delivered "$POSTFIX_MAILDIR" "$MESSAGES")
postfix_acc=$(echo "$MESSAGES / ($t_acc - $t0)" | bc -l); postfix_del=$(echo "$MESSAGES / ($t_del - $t0)" | bc -l)

printf '\nSMTP accept + Maildir delivery, %d messages of %d bytes, %d sessions, new connection per message\n' "$MESSAGES" "$SIZE" "$SESSIONS"
printf '%-10s %14s %15s\n' server "accepted msg/s" "delivered msg/s"
printf '%-10s %14.0f %15.0f\n' Tegami "$tegami_acc" "$tegami_del" Postfix "$postfix_acc" "$postfix_del"
printf '%-10s %14.2f %15.2f\n' ratio "$(echo "$tegami_acc / $postfix_acc" | bc -l)" "$(echo "$tegami_del / $postfix_del" | bc -l)"
