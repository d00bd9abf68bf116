#!/bin/sh
# Installs the Debian packages listed in itests/peers.txt whose command is missing, so that
# `mvn verify` alone prepares a fresh machine. Needs root (or passwordless sudo) and apt-get;
# elsewhere it says what is missing and the tests that need a peer fail with that message.
set -u
list="$1"
missing=""
while read -r cmd pkg; do
    case "$cmd" in ''|\#*) continue ;; esac
    [ -n "${pkg:-}" ] || pkg="$cmd"
    case "$cmd" in
        perl:*) perl -M"${cmd#perl:}" -e 1 >/dev/null 2>&1 || missing="$missing $pkg" ;;
        *) command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing="$missing $pkg" ;;
    esac
done < "$list"
[ -z "$missing" ] && exit 0
echo "install-peers: installing$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-peers: not root; install these Debian packages:$missing" >&2; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
# Dovecot's packages start the system service on install; the tests run their own instances.
printf '#!/bin/sh\nexit 101\n' > /tmp/tegami-policy-rc.d && chmod +x /tmp/tegami-policy-rc.d
if [ ! -e /usr/sbin/policy-rc.d ]; then $SUDO cp /tmp/tegami-policy-rc.d /usr/sbin/policy-rc.d; cleanup=1; else cleanup=0; fi
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
    || echo "install-peers: apt-get install failed for:$missing" >&2
[ "$cleanup" -eq 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d
exit 0
