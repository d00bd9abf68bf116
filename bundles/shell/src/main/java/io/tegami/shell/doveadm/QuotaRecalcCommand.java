package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;

/**
 * {@code doveadm quota recalc -u USER}: Dovecot counts the user's mail again and rewrites its
 * quota usage. Tegami's stores offer no recalculation through the store API (the Maildir store
 * counts again by itself whenever its {@code maildirsize} file cannot be trusted), so this checks
 * that the user's mail opens and then fails with that explanation rather than pretend.
 */
@Component(service = DoveadmSubcommand.class)
public final class QuotaRecalcCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX;

    @Reference
    private MailAccess mail;

    public QuotaRecalcCommand() {
    }

    /** For tests. */
    QuotaRecalcCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("quota", "recalc");
    }

    @Override
    public String usage() {
        return USAGE.trim();
    }

    @Override
    public String help() {
        return "Recalculates the user's quota usage, where the mail store supports it (none does yet:\n"
                + "the Maildir store recounts by itself when its maildirsize file is stale).";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        MailCommandLine cmd = MailCommandLine.parse("quota recalc", "", args, USAGE);
        String type;
        try (MailboxSession session = mail.open(cmd.user)) {
            type = mail.storeType(session);
        }
        throw new DoveadmException(DoveadmException.EX_TEMPFAIL, MailErrors.prefix(cmd.user)
                + "quota recalc: the " + type + " store does not support recalculating quota");
    }
}
