package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import io.tegami.api.config.MailParameters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * vacation (RFC 5230); this bundle also registers vacation-seconds (RFC 6131) through
 * {@link VacationSecondsExtension}, which enables {@code :seconds}. Only the action is produced
 * here: the delivery agent applies RFC 3834 and the per-sender memory.
 *
 * <p>The period follows Pigeonhole's settings: {@code sieve_vacation_default_period} (7 days)
 * when the script gives none, and any period raised to {@code sieve_vacation_min_period} (1 day)
 * and lowered to {@code sieve_vacation_max_period} (0 = no maximum), as Pigeonhole's vacation
 * operation does at run time, so {@code sieve-test} prints the period that applies.
 */
@Component(service = SieveExtension.class)
public final class VacationExtension implements SieveExtension {

    /** Pigeonhole's sieve_vacation_default_period: 7 days. */
    static final long DEFAULT_SECONDS = 7 * 86400L;

    /** Pigeonhole's sieve_vacation_min_period: 1 day. */
    static final long MIN_SECONDS = 86400L;

    private volatile MailParameters parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindParameters(MailParameters p) {
        parameters = p;
    }

    void unbindParameters(MailParameters p) {
        if (parameters == p) {
            parameters = null;
        }
    }

    /**
     * The period a run uses: {@code given} (null when the script gave none, then the default),
     * within the minimum and the maximum. Without parameters, Pigeonhole's defaults.
     */
    long period(Long given) {
        MailParameters p = parameters;
        long def = p == null ? DEFAULT_SECONDS : p.getDuration("sieve_vacation_default_period",
                Duration.ofSeconds(DEFAULT_SECONDS)).toSeconds();
        long min = p == null ? MIN_SECONDS : p.getDuration("sieve_vacation_min_period",
                Duration.ofSeconds(MIN_SECONDS)).toSeconds();
        long max = p == null ? 0 : p.getDuration("sieve_vacation_max_period", Duration.ZERO).toSeconds();
        if (max > 0 && (min > max || def < min || def > max)) {
            // Pigeonhole ignores settings that violate min <= default <= max and uses its defaults.
            def = DEFAULT_SECONDS;
            min = MIN_SECONDS;
            max = 0;
        }
        long seconds = given == null ? def : given;
        if (seconds < min) {
            return min;
        }
        return max > 0 && seconds > max ? max : seconds;
    }

    @Override
    public String name() {
        return "vacation";
    }

    @Override
    public List<SieveCommand> commands() {
        Map<String, SieveArgumentType> tags = new HashMap<>();
        tags.put(":days", SieveArgumentType.NUMBER);
        tags.put(":subject", SieveArgumentType.STRING);
        tags.put(":from", SieveArgumentType.STRING);
        tags.put(":addresses", SieveArgumentType.STRING_LIST);
        tags.put(":mime", SieveArgumentType.NONE);
        tags.put(":handle", SieveArgumentType.STRING);
        return List.of(new Command("vacation", false, List.of(Command.STRING), 0, Map.copyOf(tags)) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                if (call.hasTag(":days") && call.hasTag(":seconds")) {
                    throw call.error("the vacation command accepts either :days or :seconds, not both");
                }
                String tag = call.hasTag(":seconds") ? ":seconds" : call.hasTag(":days") ? ":days" : null;
                if (tag != null) {
                    // As Pigeonhole: a period out of bounds is a warning, and the bound applies.
                    long value = call.tagNumber(tag, 0);
                    long seconds = tag.equals(":days") ? value * 86400L : value;
                    long applied = period(seconds);
                    if (applied != seconds) {
                        call.warning("specified " + tag + " value '" + value + "' is "
                                + (applied > seconds ? "under the minimum" : "over the maximum"));
                    }
                }
                String from = call.tagString(":from");
                if (from != null && !from.contains("${") && Addresses.parts(List.of(from), CoreMatching.ALL).isEmpty()) {
                    throw call.error("specified :from address '" + from + "' is invalid for vacation action");
                }
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                long seconds = period(call.hasTag(":seconds") ? Long.valueOf(call.tagNumber(":seconds", 0))
                        : call.hasTag(":days") ? Long.valueOf(call.tagNumber(":days", 7) * 86400L) : null);
                String reason = call.string(0);
                String subject = call.tagString(":subject");
                String from = call.tagString(":from");
                boolean mime = call.hasTag(":mime");
                String handle = call.tagString(":handle");
                if (handle == null) {
                    // Pigeonhole's default handle: the parameters that make the response what it is.
                    handle = reason + (subject == null ? "<default-subject>" : subject)
                            + (from == null ? "<default-from>" : from) + (mime ? "<MIME>" : "<NO-MIME>");
                }
                List<String> addresses = call.tagStrings(":addresses");
                rt.addAction(new SieveAction.Vacation(reason, subject, from, addresses == null ? List.of() : addresses,
                        mime, handle, seconds));
            }
        });
    }
}
