#!/bin/sh
# Regenerates the expected outputs (*.out) by running Pigeonhole's sieve-test (Debian package
# dovecot-sieve) on each case. Not run by the build: the test compares with the checked-in files.
# NAME.env: message=FILE under messages/, from=, to=, and optionally extensions= for -x
# (Debian's Pigeonhole leaves editheader off by default).
# A run that fails prints nothing on stdout; its error lines are kept in NAME.err.
# sieve-test refuses to run as root, so it runs as nobody from a scratch directory.
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); chmod 777 "$work"
cp -r "$here"/* "$work"/
for env in "$work"/*.env; do
  name=$(basename "$env" .env)
  msg=$(sed -n 's/^message=//p' "$env"); ext=$(sed -n 's/^extensions=//p' "$env"); from=$(sed -n 's/^from=//p' "$env"); to=$(sed -n 's/^to=//p' "$env")
  run="sieve-test ${ext:+-x $ext} -o mail_home=$work -o mail_location=maildir:$work/Maildir -f $from -r $to $work/$name.sieve $work/messages/$msg"
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work" $run > "$here/$name.out" 2> "$work/stderr" || true
  else
    $run > "$here/$name.out" 2> "$work/stderr" || true
  fi
  # Run-time errors go to stderr (stdout is then empty); keep them as NAME.err.
  grep ': error: ' "$work/stderr" > "$here/$name.err" || rm -f "$here/$name.err"
done
rm -rf "$work"
