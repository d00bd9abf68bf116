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

/** fileinto (RFC 5228 section 4.1); {@code :copy}, {@code :flags} and {@code :create} come from their extensions. */
@Component(service = SieveExtension.class)
public final class FileintoExtension implements SieveExtension {

    @Override
    public String name() {
        return "fileinto";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(new Command("fileinto", false, List.of(Command.STRING), 0, Map.of()) {
            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                rt.addAction(new SieveAction.Store(call.string(0), Imap4flagsExtension.actionFlags(call, rt),
                        call.hasTag(":create"), call.hasTag(":copy")));
            }
        }.named("folder"));
    }
}
