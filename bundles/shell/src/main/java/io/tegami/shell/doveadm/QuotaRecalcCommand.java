package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm quota recalc -u USER}: the user's mail is counted again and the store keeps the
 * new usage ({@link MailboxSession#recalculateQuota()}: Maildir++ rewrites {@code maildirsize} as
 * Dovecot's {@code maildir} backend does; mbox counts its folders, as Dovecot's {@code count}
 * backend). Prints nothing, as doveadm. A user without quota gets Dovecot's
 * {@code Quota not enabled} (68); a store that cannot recount, or fails, gets
 * {@code Recalculating quota failed: ...} (75).
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
        return "Counts the user's mail again and stores the new quota usage (Maildir++: rewrites maildirsize).";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        MailCommandLine cmd = MailCommandLine.parse("quota recalc", "", args, USAGE);
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            if (session.recalculateQuota().isEmpty()) {
                errors.add(DoveadmException.EX_NOTFOUND, "Quota not enabled");
            }
        } catch (StoreException e) {
            errors.add(DoveadmException.EX_TEMPFAIL, "Recalculating quota failed: " + e.getMessage());
        }
        errors.check();
    }
}
