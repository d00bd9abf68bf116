package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm mailbox list [-s] -u USER [mask...]}: the user's mailboxes, or with {@code -s}
 * the subscribed names, matching the masks (IMAP LIST wildcards; all when none). One name a line
 * by default (the {@code flow} formatter with the title hidden, as Dovecot prints it); INBOX first,
 * then by name, where Dovecot lists in directory order.
 */
@Component(service = DoveadmSubcommand.class)
public final class MailboxListCommand extends FormattedSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "[-7|-8] [-s] [<mailbox mask> [...]]";

    @Reference
    private MailAccess mail;

    public MailboxListCommand() {
    }

    /** For tests. */
    MailboxListCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("mailbox", "list");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Lists the user's mailboxes (-s: the subscribed ones) matching the masks: * matches\n"
                + "anything, % anything but the hierarchy delimiter. -7 and -8 (name encodings) are\n"
                + "accepted; names are always shown in UTF-8.";
    }

    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        MailCommandLine cmd = MailCommandLine.parse("mailbox list", "78s", args, USAGE);
        DoveadmPrinter printer = printer(formatter, "flow", out);
        printer.header(new DoveadmPrinter.Header("mailbox", "mailbox", DoveadmPrinter.HIDE_TITLE));
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            List<String> names = new ArrayList<>();
            if (cmd.has('s')) {
                names.addAll(session.subscriptions());
            } else {
                for (MailboxInfo info : session.list()) {
                    names.add(info.name());
                }
            }
            List<String> masks = cmd.operands();
            for (String name : names) {
                if (masks.isEmpty() || masks.stream().anyMatch(m -> MailCommandLine.matches(m, name, session.delimiter()))) {
                    printer.print(name);
                }
            }
        } catch (StoreException e) {
            errors.add(MailErrors.exitCode(e), "Listing mailboxes failed: " + e.getMessage());
        } finally {
            printer.flush();
        }
        errors.check();
    }
}
