package io.tegami.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveError;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScriptLocation;
import io.tegami.api.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a user's script sequence as Pigeonhole does: the {@code sieve_before} scripts, the active
 * personal script ({@link SieveScriptLocation}), then the {@code sieve_after} scripts, one result
 * for them all (an action of an earlier script that cancels the implicit keep cancels it for the
 * whole sequence). A script that does not compile is skipped with its errors logged; a run that
 * fails ends the sequence and leaves only the implicit keep, so mail is never lost.
 */
final class SieveFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SieveFilter.class);

    private SieveFilter() {
    }

    /** The scripts to run for a user, in order; empty when the user has none and there are no globals. */
    static List<Path> scripts(MailParameters parameters, User user, String queueId) {
        List<Path> scripts = new ArrayList<>();
        try {
            scripts.addAll(SieveScriptLocation.global(parameters.get("sieve_before", ""), user.home()));
            try {
                SieveScriptLocation.of(parameters.get("sieve", SieveScriptLocation.DEFAULT), user.home())
                        .activeScript().ifPresent(scripts::add);
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: sieve: user {}: {}", queueId, user.name(), e.getMessage());
            }
            scripts.addAll(SieveScriptLocation.global(parameters.get("sieve_after", ""), user.home()));
        } catch (IOException e) {
            LOG.warn("{}: sieve: cannot list scripts: {}", queueId, e.getMessage());
        }
        return scripts;
    }

    /** {@code sieve_max_script_size}, Pigeonhole's 1M by default. */
    static long maxScriptSize(MailParameters p) {
        String v = p.get("sieve_max_script_size", "1M").strip().toUpperCase(java.util.Locale.ROOT);
        long unit = v.endsWith("K") ? 1024 : v.endsWith("M") ? 1024 * 1024 : v.endsWith("G") ? 1024L * 1024 * 1024 : 1;
        try {
            return Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1)) * unit;
        } catch (NumberFormatException e) {
            return 1024 * 1024;
        }
    }

    static SieveLimits limits(MailParameters p) {
        return new SieveLimits((int) p.getLong("sieve_max_actions", 32), (int) p.getLong("sieve_max_redirects", 4),
                p.getDuration("sieve_max_cpu_time", java.time.Duration.ofSeconds(30)));
    }

    /** Runs the sequence; the merged result (a failed one when a run failed). */
    static SieveResult run(SieveEngine engine, ScriptCache cache, List<Path> scripts, SieveMessage message,
            SieveEnvelope envelope, SieveLimits limits, long maxScriptSize, SieveEnvironment environment,
            String queueId, String msgid) {
        return run(engine, cache, scripts, message, envelope, limits, maxScriptSize, environment, queueId, msgid, false);
    }

    /**
     * As above; {@code preQueue} runs log their problems at debug level only, since delivery runs
     * the same scripts again and reports them then.
     */
    static SieveResult run(SieveEngine engine, ScriptCache cache, List<Path> scripts, SieveMessage message,
            SieveEnvelope envelope, SieveLimits limits, long maxScriptSize, SieveEnvironment environment,
            String queueId, String msgid, boolean preQueue) {
        List<SieveAction> actions = new ArrayList<>();
        List<SieveResult.HeaderEdit> edits = new ArrayList<>();
        List<String> keepFlags = List.of();
        boolean keep = true;
        for (Path file : scripts) {
            ScriptCache.Compiled c;
            try {
                c = cache.get(engine, file, maxScriptSize);
            } catch (IOException e) {
                log(preQueue, "{}: sieve: msgid={}: failed to open script {}: {}", queueId, msgid, file, e.getMessage());
                continue;
            }
            if (c.error() != null) {
                String name = file.getFileName().toString();
                for (SieveError err : c.error().errors()) {
                    log(preQueue, "{}: sieve: {}", queueId, err.format(name));
                }
                log(preQueue, "{}: sieve: msgid={}: failed to compile script {}; skipped", queueId, msgid, file);
                continue;
            }
            SieveResult r;
            try {
                r = engine.execute(c.script(), message, envelope, limits, environment);
            } catch (RuntimeException | LinkageError e) {
                // An engine bug or a stopping bundle: the mail is kept all the same.
                r = SieveResult.failed("internal error: " + e, 0);
            }
            if (!r.succeeded()) {
                log(preQueue, "{}: sieve: msgid={}: {}: line {}: runtime error: {}", queueId, msgid,
                        file.getFileName(), r.errorLine(), r.error());
                log(preQueue, "{}: sieve: msgid={}: Execution of script {} failed, but implicit keep was successful",
                        queueId, msgid, file);
                return SieveResult.failed(r.error(), r.errorLine());
            }
            actions.addAll(r.actions());
            edits.addAll(r.headerEdits());
            keep &= r.implicitKeep();
            keepFlags = r.keepFlags();
        }
        return new SieveResult(actions, keep, keepFlags, edits, null, 0);
    }

    private static void log(boolean quiet, String format, Object... args) {
        if (quiet) {
            LOG.debug("pre-queue: " + format, args);
        } else {
            LOG.error(format, args);
        }
    }
}
