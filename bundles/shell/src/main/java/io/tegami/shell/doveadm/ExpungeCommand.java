package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.Flags;
import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm expunge -u USER [-m] QUERY}: removes the matching messages at once, whatever
 * their flags (they are flagged {@code \Deleted}, then exactly those are expunged, so other
 * sessions hear the usual expunge events). As in Dovecot the query must name a mailbox in every
 * branch ("to avoid accidents"); {@code -m} then deletes a mailbox left empty (never INBOX). A
 * named mailbox that does not exist fails with {@code Syncing mailbox 'X' failed: Mailbox doesn't
 * exist: X} (68). Prints nothing.
 */
@Component(service = DoveadmSubcommand.class)
public final class ExpungeCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "[-m] <search query>";

    @Reference
    private MailAccess mail;
    private final Clock clock;

    public ExpungeCommand() {
        this.clock = Clock.systemUTC();
    }

    /** For tests. */
    ExpungeCommand(MailAccess mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public List<String> name() {
        return List.of("expunge");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Expunges the messages matching the search query (see doveadm search --help), which\n"
                + "must contain MAILBOX in all its branches. -m deletes mailboxes left empty.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        MailCommandLine cmd = MailCommandLine.parse("expunge", "dm", args, USAGE);
        if (cmd.operands().isEmpty()) {
            throw DoveadmException.usage("doveadm expunge " + USAGE);
        }
        SearchKey query = SearchQuery.parse(cmd.operands(), clock, ZoneId.systemDefault());
        if (!SearchQuery.mailboxInAllBranches(query)) {
            throw DoveadmException.usage("Fatal: expunge: To avoid accidents, search query must contain MAILBOX in all "
                    + "search branches");
        }
        boolean deleteEmpty = cmd.has('m') || cmd.has('d');
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            MailSearch.run(session, query, false, "Syncing mailbox '%s' failed", errors, new MailSearch.Visitor() {
                @Override
                public void mailboxDone(Mailbox box, List<Long> uids) throws StoreException {
                    if (!uids.isEmpty()) {
                        box.addFlags(uids, Set.of(Flags.DELETED));
                        box.expunge(uids);
                    }
                    if (deleteEmpty && !box.name().equals(MailboxSession.INBOX) && box.messages().isEmpty()) {
                        String name = box.name();
                        box.close();
                        try {
                            session.delete(name);
                        } catch (StoreException e) {
                            errors.add("Mailbox " + name + ": Failed to delete mailbox", e, name);
                        }
                    }
                }
            });
        }
        errors.check();
    }
}
