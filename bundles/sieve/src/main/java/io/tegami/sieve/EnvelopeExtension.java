package io.tegami.sieve;

import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/** envelope (RFC 5228 section 5.4): matches the SMTP envelope's {@code from} and {@code to}. */
@Component(service = SieveExtension.class)
public final class EnvelopeExtension implements SieveExtension {

    @Override
    public String name() {
        return "envelope";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(new CoreExtension.MatchTest("envelope", true) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                for (String part : call.strings(0)) {
                    String p = part.toLowerCase(Locale.ROOT);
                    if (!p.equals("from") && !p.equals("to") && !part.contains("${")) {
                        throw call.error("specified envelope part '" + part + "' is not supported by the envelope test");
                    }
                }
            }

            @Override
            public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                List<String> values = new ArrayList<>();
                for (String part : call.strings(0)) {
                    String p = part.toLowerCase(Locale.ROOT);
                    if (p.equals("from")) {
                        String from = rt.envelope().from();
                        // The null reverse-path is the empty string for :all (RFC 5228 section 5.4).
                        if (from.isEmpty()) {
                            values.add("");
                        } else {
                            values.addAll(rt.addressParts(call, List.of(from)));
                        }
                    } else if (p.equals("to")) {
                        values.addAll(rt.addressParts(call, List.of(rt.envelope().to())));
                    }
                }
                return rt.match(call, values, call.strings(1));
            }
        });
    }
}
