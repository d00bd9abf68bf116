package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm search -u USER QUERY}: the mailbox GUID and UID of every matching message, one
 * per line ({@code 3fcfa53a... 1}), the titles hidden as in Dovecot. See {@link Guids}.
 */
@Component(service = DoveadmSubcommand.class)
public final class SearchCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "<search query>";

    @Reference
    private MailAccess mail;
    private final Clock clock;

    public SearchCommand() {
        this.clock = Clock.systemUTC();
    }

    /** For tests. */
    SearchCommand(MailAccess mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public List<String> name() {
        return List.of("search");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return QUERY_HELP;
    }

    /** The search keys, shared by search, fetch and expunge. */
    static final String QUERY_HELP = """
            Search query keys (doveadm-search-query(7)); keys side by side must all match:
              ALL, SEEN, UNSEEN, ANSWERED, UNANSWERED, DELETED, UNDELETED, DRAFT, UNDRAFT,
              FLAGGED, UNFLAGGED, RECENT, NEW, OLD, KEYWORD kw, UNKEYWORD kw,
              MAILBOX mask, UID set, <sequence set>, LARGER size, SMALLER size (1k, 10M...),
              BEFORE|ON|SINCE date, SAVEDBEFORE|SAVEDON|SAVEDSINCE date, SENTBEFORE|SENTON|SENTSINCE date
                (date: 2026-11-28, 28-Nov-2026, a UNIX time, or an interval back from now: 30d, 2w, 12h, 5m, 10s),
              OLDER secs, YOUNGER secs, SUBJECT s, FROM s, TO s, CC s, BCC s, HEADER field s,
              BODY s, TEXT s (substrings, without case), NOT key, key OR key, ( keys ).
              A list mixing ORs and plain keys needs parentheses: ( a OR b ) c.""";

    @Override
    public void run(List<String> args, PrintStream out) {
        run(args, out, null);
    }

    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        MailCommandLine cmd = MailCommandLine.parse("search", "", args, USAGE);
        if (cmd.operands().isEmpty()) {
            throw DoveadmException.usage("doveadm search " + USAGE);
        }
        SearchKey query = SearchQuery.parse(cmd.operands(), clock, ZoneId.systemDefault());
        DoveadmPrinter printer = DoveadmPrinter.of(formatter == null ? "flow" : formatter, out);
        printer.header(new DoveadmPrinter.Header("mailbox-guid", "mailbox-guid", DoveadmPrinter.HIDE_TITLE));
        printer.header(new DoveadmPrinter.Header("uid", "uid", DoveadmPrinter.HIDE_TITLE));
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            MailSearch.run(session, query, true, "Couldn't get mailbox '%s' GUID", errors, new MailSearch.Visitor() {
                @Override
                public void message(MessageView m) throws StoreException {
                    printer.print(Guids.mailbox(cmd.user, m.mailbox(), m.box().uidValidity()));
                    printer.print(Long.toString(m.info().uid()));
                }
            });
        } finally {
            printer.flush();
        }
        errors.check();
    }
}
