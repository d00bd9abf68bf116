#!/usr/bin/env bash
# Local delivery throughput into each store, and the time to open a big folder, Tegami beside
# Dovecot, on this machine (issue 3).
#
#   bench/stores.sh [MESSAGES] [FOLDER]        (defaults: 1000 100000)
#   WARMUP=500 bench/stores.sh ...             (4 KiB messages sent to Tegami first, unmeasured)
#
# Delivery: MESSAGES messages of 4 KiB and of 100 KiB into one user's Maildir
# (mail_location = maildir:~/Maildir) and into one mbox spool file
# (mbox:~/mail:INBOX=<spool>/%u). Tegami is measured end to end: Postfix's smtp-source sends
# them over SMTP (10 sessions, a new connection per message) and the clock stops when the last
# one is in the store (files in new/, "From " lines in the spool), so Tegami's figure also pays
# for SMTP and its queue. Dovecot is measured with its LDA alone, dovecot-lda started once per
# message by 10 parallel workers (xargs -P 10), as Postfix's pipe(8) or mailbox_command would:
# no SMTP, no queue, but a process start per message. Both sync each message to disk (Dovecot
# with its default mail_fsync = optimized).
#
# Folder open: FOLDER messages of 1 KiB, generated as a Maildir (files in cur/ with Dovecot's
# names and S=/W= sizes) and as an mbox with the same messages, no index, uidlist or X-UID
# anywhere. Each server gets its own copy. "cold" is the first IMAP SELECT INBOX, which has to
# number every message and build whatever it keeps (dovecot-uidlist, indexes, X-UID headers);
# "warm" is a SELECT in a second session. The page cache is warm in both cases: "cold" means
# no index, not an empty cache (dropping caches would disturb the other users of the machine).
# Tegami is timed through IMAP LOGIN then SELECT on a loopback port, Dovecot through its imap
# binary pre-authenticated on stdin (both: the SELECT's round trip only).
#
# Prints one table: store, test, Tegami, Dovecot, ratio Tegami/Dovecot (for msg/s higher is
# better for Tegami, for seconds lower is). Numbers, never pass/fail.
#
# Needs: a built distribution (mvn package -DskipTests), root (Dovecot runs as nobody, set with
# setpriv), Debian's dovecot-imapd (its imap binary and dovecot-lda) and postfix (smtp-source).
set -euo pipefail
MESSAGES=${1:-1000}
FOLDER=${2:-100000}
WARMUP=${WARMUP:-500}
SESSIONS=10
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/bench/stores"
DIST="${TEGAMI_DIST:-$ROOT/distribution/target/tegami}"
WORK=$(mktemp -d /tmp/tegami-bench-stores.XXXXXX)
chmod 755 "$WORK"   # Dovecot runs as nobody and must reach its copies
SMTP_PORT=${SMTP_PORT:-12535}
IMAP_PORT=${IMAP_PORT:-12536}
PASSWORD=benchpw
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
LDA=/usr/lib/dovecot/dovecot-lda
IMAP=/usr/lib/dovecot/imap

[ -x "$DIST/bin/tegami" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (Dovecot's processes are started as nobody)" >&2; exit 1; }
for tool in smtp-source "$LDA" "$IMAP"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (postfix, dovecot-imapd)" >&2; exit 1; }
done

TEGAMI=""
cleanup() {
    [ -n "$TEGAMI" ] && "$TEGAMI/bin/tegami" stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
log() { echo "[$(date +%T)] $*" >&2; }

# Messages in a store: files in Maildir new/ and cur/, or "From " lines of an mbox file.
count() {
    case $1 in
        maildir) { find "$2/new" "$2/cur" -type f 2>/dev/null || true; } | wc -l ;;
        mbox) { grep -c '^From ' "$2" 2>/dev/null || true; } | head -1 ;;
    esac
}
# Waits until store $1 at $2 holds $3 messages; prints the time it got there.
await_count() {
    local deadline=$(( $(date +%s) + 1200 ))
    while [ "$(count "$1" "$2")" -lt "$3" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout: $(count "$1" "$2")/$3 delivered to $2" >&2; return 1; }
        sleep 0.1
    done
    now
}
rate() { echo "$1 / ($3 - $2)" | bc -l; }

# One copy of the distribution, taken under the integration-test lock so that a rebuild by
# someone else cannot change it half-way; each store's run copies this one.
if command -v flock >/dev/null; then
    flock /tmp/tegami-it.lock cp -a "$DIST" "$WORK/dist"
else
    cp -a "$DIST" "$WORK/dist"
fi
DIST="$WORK/dist"

# --- The big folder, generated once ---------------------------------------------------------
log "generating a folder of $FOLDER messages of 1 KiB (Maildir and mbox)"
python3 "$HERE/genfolder.py" "$FOLDER" 1024 "$WORK/folder/Maildir" "$WORK/folder/spool/big"
for size in 4096 102400; do
    # Dovecot's LDA gets the same kind of message smtp-source sends Tegami, as a file.
    python3 - "$size" > "$WORK/msg-$size" <<'PY'
import sys
size = int(sys.argv[1])
out = "From: bench@localhost\nTo: bench@localhost\nSubject: bench\n\n"
while len(out) < size:
    out += ("La de da de da %d." % len(out)).ljust(min(79, size - len(out) - 1), ".") + "\n"
sys.stdout.write(out)
PY
done

# --- Tegami ---------------------------------------------------------------------------------
# $1 store (maildir, mbox). Fresh copy of the distribution, users "bench" (delivery) and "big"
# (the folder to open), SMTP and IMAP without TLS on loopback.
tegami_run() {
    local store=$1 home box big t0 t1 before s
    TEGAMI="$WORK/tegami-$store"
    mkdir -p "$TEGAMI"
    cp -a "$DIST/." "$TEGAMI/"
    rm -rf "$TEGAMI/data"/* "$TEGAMI/logs"/*
    rm -f "$TEGAMI/configs/tegami.listener-"*.cfg
    printf 'name = smtp\nprotocol = smtp\naddress = 127.0.0.1\nport = %s\ntls = none\n' "$SMTP_PORT" \
        > "$TEGAMI/configs/tegami.listener-smtp.cfg"
    printf 'name = imap\nprotocol = imap\naddress = 127.0.0.1\nport = %s\ntls = none\nidle_timeout = 1800\n' "$IMAP_PORT" \
        > "$TEGAMI/configs/tegami.listener-imap.cfg"
    {
        echo "disable_plaintext_auth = no"
        case $store in
            maildir) echo "mail_location = maildir:~/Maildir" ;;
            mbox) echo "mail_location = mbox:~/mail:INBOX=\$data_directory/spool/mail/%u" ;;
        esac
    } >> "$TEGAMI/configs/tegami.main.cfg"
    for u in bench big; do
        mkdir -p "$TEGAMI/data/home/$u"
        echo "$u:{PLAIN}$PASSWORD::::$TEGAMI/data/home/$u::" >> "$TEGAMI/data/passwd"
    done
    mkdir -p "$TEGAMI/data/spool/mail"
    case $store in
        maildir) cp -a "$WORK/folder/Maildir" "$TEGAMI/data/home/big/Maildir"
                 box="$TEGAMI/data/home/bench/Maildir" ;;
        mbox) mkdir -p "$TEGAMI/data/home/big/mail" "$TEGAMI/data/home/bench/mail"
              cp -a "$WORK/folder/spool/big" "$TEGAMI/data/spool/mail/big"
              box="$TEGAMI/data/spool/mail/bench" ;;
    esac
    "$TEGAMI/bin/tegami" start >/dev/null
    for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT") 2>/dev/null && break; sleep 0.2; done
    log "Tegami $store: warm-up, $WARMUP messages of 4 KiB"
    smtp-source -s "$SESSIONS" -m "$WARMUP" -l 4096 -f bench@localhost -t bench@localhost "127.0.0.1:$SMTP_PORT"
    await_count "$store" "$box" "$WARMUP" >/dev/null
    for s in 4096 102400; do
        log "Tegami $store: $MESSAGES messages of $s bytes"
        before=$(count "$store" "$box")
        t0=$(now)
        smtp-source -s "$SESSIONS" -m "$MESSAGES" -l "$s" -f bench@localhost -t bench@localhost "127.0.0.1:$SMTP_PORT"
        t1=$(await_count "$store" "$box" $(( before + MESSAGES )))
        eval "T_${store}_$s=$(rate "$MESSAGES" "$t0" "$t1")"
    done
    log "Tegami $store: SELECT of $FOLDER messages, cold then warm"
    read -r T_cold T_cold_n T_cold_s < <(python3 "$HERE/imap_select.py" tegami "$IMAP_PORT" big "$PASSWORD")
    read -r T_warm T_warm_n T_warm_s < <(python3 "$HERE/imap_select.py" tegami "$IMAP_PORT" big "$PASSWORD")
    log "Tegami $store: whole IMAP sessions (connect, LOGIN, SELECT, LOGOUT): ${T_cold_s}s cold, ${T_warm_s}s warm"
    [ "$T_cold_n" = "$FOLDER" ] && [ "$T_warm_n" = "$FOLDER" ] || echo "warning: Tegami's SELECT saw $T_cold_n/$T_warm_n of $FOLDER messages" >&2
    eval "T_${store}_cold=$T_cold T_${store}_warm=$T_warm"
    "$TEGAMI/bin/tegami" stop >/dev/null
    TEGAMI=""
}

# --- Dovecot --------------------------------------------------------------------------------
# $1 store. Its own configuration, homes under its own folder, everything run as nobody.
dovecot_run() {
    local store=$1 dv="$WORK/dovecot-$1" box t0 t1 before s
    mkdir -p "$dv/run" "$dv/home/bench" "$dv/home/big" "$dv/spool"
    {
        echo "base_dir = $dv/run"
        echo "log_path = $dv/dovecot.log"
        echo "ssl = no"
        case $store in
            maildir) echo "mail_location = maildir:~/Maildir" ;;
            mbox) echo "mail_location = mbox:~/mail:INBOX=$dv/spool/%u" ;;
        esac
    } > "$dv/dovecot.conf"
    case $store in
        maildir) cp -a "$WORK/folder/Maildir" "$dv/home/big/Maildir"; box="$dv/home/bench/Maildir" ;;
        mbox) mkdir -p "$dv/home/big/mail" "$dv/home/bench/mail"
              cp -a "$WORK/folder/spool/big" "$dv/spool/big"; box="$dv/spool/bench" ;;
    esac
    chown -R nobody:nogroup "$dv"
    for s in 4096 102400; do
        log "Dovecot $store: $MESSAGES messages of $s bytes (dovecot-lda, 10 workers)"
        before=$(count "$store" "$box")
        t0=$(now)
        seq "$MESSAGES" | env -i PATH=/usr/bin:/bin USER=bench HOME="$dv/home/bench" "${NOBODY[@]}" \
            xargs -P "$SESSIONS" -I{} "$LDA" -c "$dv/dovecot.conf" -f bench@localhost -p "$WORK/msg-$s"
        t1=$(await_count "$store" "$box" $(( before + MESSAGES )))
        eval "D_${store}_$s=$(rate "$MESSAGES" "$t0" "$t1")"
    done
    log "Dovecot $store: SELECT of $FOLDER messages, cold then warm"
    local dsel=(env -i PATH=/usr/bin:/bin USER=big HOME="$dv/home/big" "${NOBODY[@]}" python3 "$HERE/imap_select.py" dovecot "$IMAP" -c "$dv/dovecot.conf")
    # The standalone imap binary logs to stderr: keep that beside the LDA's log.
    read -r D_cold D_cold_n _ < <("${dsel[@]}" 2>>"$dv/imap.log")
    read -r D_warm D_warm_n _ < <("${dsel[@]}" 2>>"$dv/imap.log")
    [ "$D_cold_n" = "$FOLDER" ] && [ "$D_warm_n" = "$FOLDER" ] || echo "warning: Dovecot's SELECT saw $D_cold_n/$D_warm_n of $FOLDER messages" >&2
    eval "D_${store}_cold=$D_cold D_${store}_warm=$D_warm"
    cat "$dv/dovecot.log" "$dv/imap.log" 2>/dev/null | { grep 'Error\|Fatal' || true; } | head -5 >&2
}

for store in maildir mbox; do
    tegami_run "$store"
    dovecot_run "$store"
    rm -rf "$WORK/tegami-$store" "$WORK/dovecot-$store"
done

# --- Table ----------------------------------------------------------------------------------
printf '\nStores: %d messages per delivery test (Tegami: SMTP, 10 sessions; Dovecot: dovecot-lda, 10 workers), folder of %d messages of 1 KiB\n' \
    "$MESSAGES" "$FOLDER"
printf '%-8s %-28s %10s %10s %8s\n' store test Tegami Dovecot ratio
for store in maildir mbox; do
    for s in 4096 102400; do
        t=$(eval echo "\$T_${store}_$s"); d=$(eval echo "\$D_${store}_$s")
        printf '%-8s %-28s %10.0f %10.0f %8.2f\n' "$store" "delivery $((s / 1024)) KiB, msg/s" "$t" "$d" "$(echo "$t / $d" | bc -l)"
    done
    for w in cold warm; do
        t=$(eval echo "\$T_${store}_$w"); d=$(eval echo "\$D_${store}_$w")
        r=$(echo "if ($d > 0) $t / $d else 0" | bc -l)
        printf '%-8s %-28s %10.4f %10.4f %8.2f\n' "$store" "SELECT $FOLDER, $w, s" "$t" "$d" "$r"
    done
done
echo "(ratio = Tegami / Dovecot: above 1 is better for Tegami in msg/s, worse in seconds; 0 = Dovecot's time rounds to 0)"
