package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm mailbox create [-s] -u USER NAME...}: creates mailboxes (and missing parents),
 * subscribing them with {@code -s}. A failure ({@code Can't create mailbox Sent: Mailbox already
 * exists}, exit 65) does not stop the others, as in Dovecot.
 */
@Component(service = DoveadmSubcommand.class)
public final class MailboxCreateCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "[-s] [-g <guid>] <mailbox> [...]";

    @Reference
    private MailAccess mail;

    public MailboxCreateCommand() {
    }

    /** For tests. */
    MailboxCreateCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("mailbox", "create");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Creates the mailboxes, with any missing parent; -s also subscribes them. -g (a GUID\n"
                + "for the new mailbox) is refused: the stores choose their own identifiers.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        MailCommandLine cmd = MailCommandLine.parse("mailbox create", "sg:", args, USAGE);
        if (cmd.has('g')) {
            throw DoveadmException.usage("doveadm mailbox create: -g is not supported");
        }
        if (cmd.operands().isEmpty()) {
            throw DoveadmException.usage("doveadm mailbox create " + USAGE);
        }
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            for (String name : cmd.operands()) {
                try {
                    session.create(name);
                    if (cmd.has('s')) {
                        session.subscribe(name);
                    }
                } catch (StoreException e) {
                    errors.add("Can't create mailbox " + name, e, name);
                }
            }
        }
        errors.check();
    }
}
