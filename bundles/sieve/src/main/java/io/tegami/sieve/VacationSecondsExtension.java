package io.tegami.sieve;

import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveTag;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** vacation-seconds (RFC 6131): {@code :seconds} on vacation instead of {@code :days}. */
@Component(service = SieveExtension.class)
public final class VacationSecondsExtension implements SieveExtension {

    @Override
    public String name() {
        return "vacation-seconds";
    }

    @Override
    public List<SieveTag> tags() {
        return List.of(new SieveTag(":seconds", Command.NUMBER, Set.of("vacation")));
    }
}
