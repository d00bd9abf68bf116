package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** reject (RFC 5429): refuse the message with a reason; the agent sends the refusal. */
@Component(service = SieveExtension.class)
public final class RejectExtension implements SieveExtension {

    @Override
    public String name() {
        return "reject";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(command("reject", false));
    }

    static SieveCommand command(String name, boolean extended) {
        return new Command(name, false, List.of(Command.STRING), 0, Map.of()) {
            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                rt.addAction(new SieveAction.Reject(call.string(0), extended));
            }
        };
    }
}
