package io.tegami.sieve;

import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveTag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * mailbox (RFC 5490 section 3): {@code fileinto :create} and the {@code mailboxexists} test,
 * which asks the delivery agent through {@link io.tegami.api.sieve.SieveEnvironment}.
 */
@Component(service = SieveExtension.class)
public final class MailboxExtension implements SieveExtension {

    @Override
    public String name() {
        return "mailbox";
    }

    @Override
    public List<SieveTag> tags() {
        return List.of(new SieveTag(":create", Command.NONE, Set.of("fileinto")));
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(new Command("mailboxexists", true, List.of(Command.LIST), 0, Map.of()) {
            @Override
            public boolean test(SieveCall call, SieveRuntime rt) {
                for (String mailbox : call.strings(0)) {
                    if (!rt.environment().mailboxExists(mailbox)) {
                        return false;
                    }
                }
                return true;
            }
        }.named("mailbox-names"));
    }
}
