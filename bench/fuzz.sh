#!/bin/sh
# Bounded fuzzing run of the Jazzer @FuzzTest targets (issue 11; docs/fuzzing.md).
#
#   bench/fuzz.sh                 each target for one 30 s round (CI)
#   ROUNDS=20 bench/fuzz.sh       the longer run: 20 rounds of 30 s per target; the corpus grows
#   bench/fuzz.sh imap            only the targets of one bundle (or one Class#method)
#   FUZZ_INSTALL=1 bench/fuzz.sh  first installs the fuzzed bundles and what they need (-am, online):
#                                 what CI does on a clean checkout, after `mvn -B verify`
#
# In a normal `mvn verify` the same tests replay their checked-in seeds (regression mode). Here
# JAZZER_FUZZ=1 makes Jazzer fuzz one target per JVM for its @FuzzTest maxDuration (30 s). JUnit's
# own @Timeout would end the whole fuzzing run, so it is disabled; Jazzer turns the annotation into
# libFuzzer's per-input -timeout instead, so a hang is still a finding. The corpus each round
# builds goes to bundles/<name>/target/fuzz-corpus (Jazzer writes to .cifuzz-corpus, linked there
# for the run); findings are written as crash-* files next to the seeds, in
# src/test/resources/<package>/<Class>Inputs/<method>/, where they stay as regression inputs once
# fixed. Exits 1 if any target found something. Needs the api bundle installed (offline is fine).
set -u
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-1}
ONLY=${1:-}
TARGETS="smtp:SmtpCommandFuzzTest#mailAndRcpt
imap:ImapCommandFuzzTest#sequenceSets
imap:ImapCommandFuzzTest#searchAndFetchArguments
imap:ImapCommandFuzzTest#session
imap:BodyStructureFuzzTest#structure
pop3:Pop3CommandFuzzTest#commands
aliases:AliasFileFuzzTest#parse
sieve:SieveParserFuzzTest#compile"

failed=0
compiled=" "
if [ "${FUZZ_INSTALL:-0}" = 1 ]; then
    modules=bundles/smtp,bundles/imap,bundles/pop3,bundles/aliases,bundles/sieve
    mvn -B -q install -DskipTests -pl "$modules" -am || exit 2
fi
summary=$(mktemp)
for t in $TARGETS; do
    module=${t%%:*}
    test=${t#*:}
    [ -n "$ONLY" ] && [ "$ONLY" != "$module" ] && [ "$ONLY" != "$test" ] && continue
    dir=bundles/$module
    case "$compiled" in
        *" $module "*) ;;
        *) mvn -B -q -o test-compile -pl "$dir" || exit 2
           compiled="$compiled$module " ;;
    esac
    mkdir -p "$dir/target/fuzz-corpus"
    if [ -d "$dir/.cifuzz-corpus" ] && [ ! -L "$dir/.cifuzz-corpus" ]; then
        # Left by a run by hand (mvn with JAZZER_FUZZ=1): keep what it found, out of the source tree.
        cp -R "$dir/.cifuzz-corpus/." "$dir/target/fuzz-corpus/" && rm -rf "$dir/.cifuzz-corpus"
    fi
    [ -e "$dir/.cifuzz-corpus" ] || ln -s target/fuzz-corpus "$dir/.cifuzz-corpus"
    log="$dir/target/fuzz-$(echo "$test" | tr '#' '-').log"
    : > "$log"
    round=1
    retries=0
    while [ "$round" -le "$ROUNDS" ]; do
        before=$(find "$dir/src/test/resources" -name 'crash-*' 2>/dev/null | sort)
        JAZZER_FUZZ=1 mvn -B -o surefire:test -pl "$dir" -Dtest="$test" \
            -Djunit.jupiter.execution.timeout.mode=disabled -Dsurefire.failIfNoSpecifiedTests=false > "$log.round" 2>&1
        status=$?
        cat "$log.round" >> "$log"
        if [ $status -ne 0 ] && [ $retries -lt 2 ] \
                && grep -aq 'FuzzTestFindingException: java.lang.NoClassDefFoundError: io/tegami/' "$log.round"; then
            # Not a finding: a build in the same checkout replaced target/classes under the run
            # (engineers share the working tree). Drop what it wrote and run the round again.
            echo "round $round of $test: classes replaced under the run, again" >&2
            for f in $(find "$dir/src/test/resources" -name 'crash-*' 2>/dev/null | sort); do
                echo "$before" | grep -qx "$f" || rm -f "$f"
            done
            retries=$((retries + 1))
            sleep 20
            continue
        fi
        if [ $status -ne 0 ]; then
            failed=1
            echo "FINDING in $module $test (round $round): see $log" >&2
            grep -E "FuzzTestFinding|Exception|Error:" "$log" | head -5 >&2
            break
        fi
        round=$((round + 1))
    done
    rm -f "$log.round"
    [ -L "$dir/.cifuzz-corpus" ] && rm "$dir/.cifuzz-corpus"
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
    corpus=$(find "$dir/target/fuzz-corpus" -type f -path "*$(echo "$test" | tr '#' '/')*" 2>/dev/null | wc -l)
    printf '%-9s %-48s %s corpus_files=%s\n' "$module" "$test" "${done_line:-no DONE line}" "$corpus" >> "$summary"
done
echo "== fuzzing summary (rounds of 30 s: $ROUNDS)"
cat "$summary"
rm -f "$summary"
crashes=$(find bundles/*/src/test/resources -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' 2>/dev/null)
if [ -n "$crashes" ]; then
    echo "== findings kept as inputs:"
    echo "$crashes"
    failed=1
fi
exit $failed
