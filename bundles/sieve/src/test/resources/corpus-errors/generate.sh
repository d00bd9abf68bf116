#!/bin/sh
# Regenerates NAME.err, every error sievec (Debian package dovecot-sieve) reports for each
# script, in order. sievec refuses to run as root: run this as another user. Not run by the build: ScriptErrorsTest compares with the checked-in files.
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
for s in "$here"/*.sieve; do
  name=$(basename "$s" .sieve)
  cp "$s" "$work/$name.sieve"
  (cd "$work" && sievec "$name.sieve" 2>&1 | grep ': line [0-9]*: error: ') > "$here/$name.err"
done
rm -rf "$work"
