package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm mailbox delete [-s] -u USER NAME...}: deletes mailboxes with their messages,
 * unsubscribing them with {@code -s}. Dovecot's errors: {@code Can't delete mailbox X: Mailbox
 * doesn't exist: X} (68), {@code INBOX can't be deleted.} (65); the other names are still tried.
 */
@Component(service = DoveadmSubcommand.class)
public final class MailboxDeleteCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "[-e] [-r] [-s] [-Z] <mailbox> [...]";

    @Reference
    private MailAccess mail;

    public MailboxDeleteCommand() {
    }

    /** For tests. */
    MailboxDeleteCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("mailbox", "delete");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Deletes the mailboxes and their messages; -s also unsubscribes them. -e (only if\n"
                + "empty), -r (recursively) and -Z are refused.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        MailCommandLine cmd = MailCommandLine.parse("mailbox delete", "ersZ", args, USAGE);
        if (cmd.has('e') || cmd.has('r') || cmd.has('Z')) {
            throw DoveadmException.usage("doveadm mailbox delete: -e, -r and -Z are not supported");
        }
        if (cmd.operands().isEmpty()) {
            throw DoveadmException.usage("doveadm mailbox delete " + USAGE);
        }
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            for (String name : cmd.operands()) {
                try {
                    session.delete(name);
                    if (cmd.has('s')) {
                        session.unsubscribe(name);
                    }
                } catch (StoreException e) {
                    errors.add("Can't delete mailbox " + name, e, name.equalsIgnoreCase("INBOX") ? "INBOX" : name);
                }
            }
        }
        errors.check();
    }
}
