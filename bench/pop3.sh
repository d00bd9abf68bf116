#!/usr/bin/env bash
# POP3 sessions per second, Tegami beside Dovecot, on this machine.
#
#   bench/pop3.sh [SESSIONS] [CLIENTS] [MESSAGES] [SIZE]      (defaults: 2000 10 10 4096)
#
# Each session is what a POP3 client does to check mail without leaving it on the server's
# disk: connect, USER/PASS, STAT, RETR of every message, QUIT (no DELE, so every session finds
# the same maildrop). CLIENTS concurrent clients run SESSIONS sessions in all, each client on a
# user of its own (so that POP3 session locks never make one wait), every user with a copy of one
# Maildir of MESSAGES messages of SIZE bytes. Both servers read the same Maildirs (copied), with
# {PLAIN} passwords from a passwd-file, plain POP3 on loopback, their own default settings
# otherwise: Tegami from the built distribution, Dovecot (Debian's dovecot-pop3d, its own
# instance under a temporary folder). One Python load generator drives both; it prints
# sessions/s for each and Tegami's ratio to Dovecot. Numbers, never pass/fail.
#
# Needs: a built distribution (mvn package -DskipTests), root (Dovecot's master runs as root),
# python3, and Debian's dovecot-pop3d (installed here if missing).
set -euo pipefail
SESSIONS=${1:-2000}
CLIENTS=${2:-10}
MESSAGES=${3:-10}
SIZE=${4:-4096}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST="${TEGAMI_DIST:-$ROOT/distribution/target/tegami}"
WORK=$(mktemp -d /tmp/tegami-bench-pop3.XXXXXX)
chmod 755 "$WORK"   # Dovecot's mail processes run as nobody and must reach the Maildirs
TEGAMI_PORT=${TEGAMI_PORT:-12110}
DOVECOT_PORT=${DOVECOT_PORT:-12111}
PASSWORD='bench password'

[ -x "$DIST/bin/tegami" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
if [ ! -x /usr/lib/dovecot/pop3 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dovecot-pop3d >/dev/null
fi

cleanup() {
    "$WORK/tegami/bin/tegami" stop >/dev/null 2>&1 || true
    [ -f "$WORK/dovecot/run/master.pid" ] && kill "$(cat "$WORK/dovecot/run/master.pid")" 2>/dev/null || true
    sleep 1
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- One Maildir, copied to every user of both servers ---------------------------------------
python3 - "$WORK/maildir" "$MESSAGES" "$SIZE" <<'PY'
import os, sys
root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for d in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(root, d), exist_ok=True)
for i in range(count):
    head = "From: bench@example.org\nTo: bench@localhost\nSubject: message %d\n\n" % i
    body, line = [], 0
    while len(head) + sum(len(l) for l in body) < size:
        # Every tenth line starts with a dot, so that the servers stuff some lines.
        body.append(("." if line % 10 == 0 else "") + ("%04d " % line) + "x" * 70 + "\n")
        line += 1
    with open(os.path.join(root, "new", "1700000000.M%dP1.bench" % i), "w") as f:
        f.write(head + "".join(body))
PY

users() { seq 1 "$CLIENTS" | sed 's/^/bench/'; }

# --- The load: CLIENTS processes, SESSIONS sessions in all ------------------------------------
cat > "$WORK/load.py" <<'PY'
import multiprocessing, socket, sys, time

def session(port, user, password):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = b""
    def read_until(end):
        nonlocal buf
        start = 0
        while True:
            i = buf.find(end, start)
            if i >= 0:
                out, buf = buf[:i + len(end)], buf[i + len(end):]
                return out
            start = max(0, len(buf) - len(end))
            data = s.recv(65536)
            if not data:
                raise RuntimeError("connection closed")
            buf += data
    def cmd(line, multi=False):
        s.sendall(line.encode() + b"\r\n")
        status = read_until(b"\r\n")
        if not status.startswith(b"+OK"):
            raise RuntimeError("%s: %s" % (line.split()[0], status))
        if multi:
            read_until(b"\r\n.\r\n")  # the message, which ends in CRLF, then the dot line
        return status
    read_until(b"\r\n")
    cmd("USER " + user)
    cmd("PASS " + password)
    count = int(cmd("STAT").split()[1])
    for i in range(1, count + 1):
        cmd("RETR %d" % i, True)
    cmd("QUIT")
    s.close()
    return count

def worker(args):
    port, user, password, n, expected = args
    for _ in range(n):
        got = session(port, user, password)
        if got != expected:
            raise RuntimeError("%s has %d messages, not %d" % (user, got, expected))
    return n

if __name__ == "__main__":
    port, sessions, clients, password = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    expected = int(sys.argv[5])
    share = [sessions // clients + (1 if i < sessions % clients else 0) for i in range(clients)]
    jobs = [(port, "bench%d" % (i + 1), password, share[i], expected) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        t0 = time.monotonic()
        done = sum(pool.map(worker, jobs))
        elapsed = time.monotonic() - t0
    print("%.1f" % (done / elapsed))
PY
run_load() { python3 "$WORK/load.py" "$1" "$2" "$CLIENTS" "$PASSWORD" "$MESSAGES"; }

# --- Tegami ---------------------------------------------------------------------------------
mkdir -p "$WORK/tegami"
cp -a "$DIST/." "$WORK/tegami/"
rm -rf "$WORK/tegami/data"/* "$WORK/tegami/logs"/*
rm -f "$WORK/tegami/configs/tegami.listener-"*.cfg
cat > "$WORK/tegami/configs/tegami.listener-pop3.cfg" <<CFG
name = pop3
protocol = pop3
address = 127.0.0.1
port = $TEGAMI_PORT
tls = none
idle_timeout = 600
CFG
for u in $(users); do
    mkdir -p "$WORK/tegami/data/home/$u"
    cp -a "$WORK/maildir" "$WORK/tegami/data/home/$u/Maildir"
    echo "$u:{PLAIN}$PASSWORD::::$WORK/tegami/data/home/$u::" >> "$WORK/tegami/data/passwd"
done
"$WORK/tegami/bin/tegami" start >/dev/null
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$TEGAMI_PORT") 2>/dev/null && break; sleep 0.2; done
run_load "$TEGAMI_PORT" "$(( CLIENTS * 20 ))" >/dev/null   # warm-up: JIT, first Maildir sync
tegami=$(run_load "$TEGAMI_PORT" "$SESSIONS")
"$WORK/tegami/bin/tegami" stop >/dev/null

# --- Dovecot --------------------------------------------------------------------------------
DV="$WORK/dovecot"
mkdir -p "$DV/run" "$DV/home"
for u in $(users); do
    mkdir -p "$DV/home/$u"
    cp -a "$WORK/maildir" "$DV/home/$u/Maildir"
    echo "$u:{PLAIN}$PASSWORD:$(id -u nobody):$(id -g nobody)::$DV/home/$u" >> "$DV/passwd"
done
chown -R nobody: "$DV/home"
cat > "$DV/dovecot.conf" <<CFG
base_dir = $DV/run
protocols = pop3
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
default_login_user = dovenull
default_internal_user = dovecot
log_path = $DV/dovecot.log
passdb {
  driver = passwd-file
  args = $DV/passwd
}
userdb {
  driver = passwd-file
  args = $DV/passwd
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $DOVECOT_PORT
  }
  inet_listener pop3s {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
CFG
dovecot -c "$DV/dovecot.conf"
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$DOVECOT_PORT") 2>/dev/null && break; sleep 0.2; done
run_load "$DOVECOT_PORT" "$(( CLIENTS * 20 ))" >/dev/null  # warm-up: index files, caches
dovecot=$(run_load "$DOVECOT_PORT" "$SESSIONS")

printf '\nPOP3 sessions (USER/PASS, STAT, RETR x%d of %d bytes, QUIT), %d sessions, %d clients\n' \
    "$MESSAGES" "$SIZE" "$SESSIONS" "$CLIENTS"
printf '%-10s %12s\n' server "sessions/s"
printf '%-10s %12.1f\n' Tegami "$tegami" Dovecot "$dovecot"
printf '%-10s %12.2f\n' ratio "$(echo "$tegami / $dovecot" | bc -l)"
