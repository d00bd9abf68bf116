package io.tegami.shell.doveadm;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm fetch -u USER 'FIELDS' QUERY}: the chosen fields of every matching message, by
 * default in the {@code pager} layout ({@code uid: 1} lines, messages separated by a form-feed
 * line). Mailboxes named in the query that do not exist are skipped silently, as Dovecot does.
 * See {@link FetchFields}.
 */
@Component(service = DoveadmSubcommand.class)
public final class FetchCommand extends FormattedSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "<fields> <search query>";

    @Reference
    private MailAccess mail;
    private final Clock clock;
    private final ZoneId zone;

    public FetchCommand() {
        this.clock = Clock.systemUTC();
        this.zone = ZoneId.systemDefault();
    }

    /** For tests. */
    FetchCommand(MailAccess mail, Clock clock, ZoneId zone) {
        this.mail = mail;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<String> name() {
        return List.of("fetch");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Fields (one argument, separated by spaces): hdr.<name> " + String.join(" ", FetchFields.NAMES)
                + "\n(subject, from, to, cc and date are short for hdr.<name>).\n\n" + SearchCommand.QUERY_HELP;
    }

    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        MailCommandLine cmd = MailCommandLine.parse("fetch", "", args, USAGE, 2);
        List<String> fields = FetchFields.parse(cmd.operands().get(0));
        if (fields.isEmpty()) {
            throw DoveadmException.usage("doveadm fetch " + USAGE);
        }
        SearchKey query = SearchQuery.parse(cmd.operands().subList(1, cmd.operands().size()), clock, zone);
        DoveadmPrinter printer = printer(formatter, "pager", out);
        fields.forEach(f -> printer.header(DoveadmPrinter.Header.simple(f)));
        FetchFields values = new FetchFields(cmd.user, zone);
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            MailSearch.run(session, query, true, null, errors, new MailSearch.Visitor() {
                @Override
                public void message(MessageView m) throws IOException, StoreException {
                    for (String f : fields) {
                        values.print(f, m, printer);
                    }
                }
            });
        } finally {
            printer.flush();
        }
        errors.check();
    }
}
