package io.tegami.aliases;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tegami.api.address.AddressResolver;
import io.tegami.api.address.Destination;
import io.tegami.api.config.MailParameters;
import io.tegami.api.mail.MailAddress;
import io.tegami.api.table.LookupTables;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postfix's aliases: the {@code alias_maps} tables as an {@link AddressResolver} (local delivery
 * and the SMTP server's recipient check ask it), and the {@code newaliases} and {@code postalias}
 * console commands, which check the files, print each problem with its line number as postalias
 * warns, and make the files' current content live without a restart.
 *
 * <p>The parsed tables are a snapshot, as Postfix's indexed alias database is: an edited file
 * counts after {@code newaliases}. A changed {@code alias_maps} value is picked up at the next
 * lookup.
 */
@Component(service = {AddressResolver.class, AliasesComponent.class}, property = {
        "osgi.command.scope=tegami", "osgi.command.function=newaliases", "osgi.command.function=postalias"})
public final class AliasesComponent implements AddressResolver {

    private static final Logger LOG = LoggerFactory.getLogger(AliasesComponent.class);

    /** Postfix's default is {@code hash:/etc/aliases}; Tegami's files live under its home. */
    static final String DEFAULT_MAPS = "hash:configs/aliases";

    private final MailParameters parameters;
    private volatile AliasTables tables;

    @Activate
    public AliasesComponent(@Reference(name = "parameters") MailParameters parameters) {
        this.parameters = parameters;
        this.tables = load(false);
    }

    @Override
    public Optional<List<Destination>> resolve(MailAddress recipient) {
        AliasTables current = tables;
        if (!current.specs().equals(mapsSpec()) || !current.origin().equals(origin())) {
            current = load(false); // alias_maps or myorigin changed in main.cf
        }
        return current.lookup(recipient.localPart());
    }

    @Descriptor("check the alias_database files and make alias_maps live again, like Postfix's newaliases")
    public void newaliases(@Descriptor("no options") String... args) {
        List<AliasProblem> problems = check(LookupTables.split(parameters.get("alias_database", DEFAULT_MAPS)));
        report(problems, System.err);
        tables = load(true); // silent when all is well, as Postfix's newaliases
    }

    @Descriptor("check aliases(5) files and make alias_maps live again, like Postfix's postalias")
    public void postalias(@Descriptor("[type:]file ...") String... files) {
        List<String> specs = new ArrayList<>();
        for (String f : files) {
            if (!f.startsWith("-")) { // -N, -w... change nothing here
                specs.add(f.indexOf(':') > 0 ? f : "hash:" + f);
            }
        }
        if (specs.isEmpty()) {
            System.err.println("usage: postalias [type:]file ...");
            return;
        }
        List<AliasProblem> problems = check(specs);
        report(problems, System.err);
        tables = load(true);
    }

    /** Every problem of the named aliases files. */
    List<AliasProblem> check(List<String> specs) {
        List<AliasProblem> problems = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String type = colon > 0 ? spec.substring(0, colon) : "";
            if (!AliasTables.FILE_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
                continue; // nothing to build for regexp:, inline:...
            }
            try {
                problems.addAll(AliasTables.readFile(spec, spec.substring(colon + 1), origin(), parameters.home()).problems());
            } catch (IOException e) {
                problems.add(new AliasProblem(spec.substring(colon + 1), 0, "open: " + e.getMessage()));
            }
        }
        return problems;
    }

    private static void report(List<AliasProblem> problems, PrintStream err) {
        for (AliasProblem p : problems) {
            err.println(p.line() > 0 ? "postalias: warning: " + p : "postalias: fatal: " + p.file() + ": " + p.message());
        }
    }

    private AliasTables load(boolean quiet) {
        AliasTables loaded = AliasTables.load(mapsSpec(), origin(), parameters.home());
        if (!quiet) {
            for (AliasProblem p : loaded.problems()) {
                LOG.warn("{}", p);
            }
        }
        tables = loaded;
        return loaded;
    }

    private String mapsSpec() {
        return parameters.get("alias_maps", DEFAULT_MAPS);
    }

    private String origin() {
        return parameters.get("myorigin").orElseGet(() -> parameters.get("myhostname", "localhost")).trim();
    }

    /** For tests: the current snapshot's problems. */
    List<AliasProblem> problems() {
        return tables.problems();
    }

    static Path home(MailParameters p) {
        return p.home();
    }
}
