package io.tegami.sieve;

import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveExtension;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** ereject (RFC 5429): refuse in the SMTP dialogue where possible, else as reject. */
@Component(service = SieveExtension.class)
public final class ErejectExtension implements SieveExtension {

    @Override
    public String name() {
        return "ereject";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(RejectExtension.command("ereject", true));
    }
}
