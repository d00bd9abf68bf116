package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.Quota;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm quota get -u USER}: the user's quota root with its two resources, in Dovecot's
 * table ({@code Quota name  Type  Value  Limit  %}): {@code STORAGE} in kibibytes (rounded down,
 * as doveadm divides), {@code MESSAGE} in messages, {@code -} for no limit and then 0 %. A user
 * without quota (no {@code quota} setting) gets the titles alone.
 */
@Component(service = DoveadmSubcommand.class)
public final class QuotaGetCommand implements DoveadmSubcommand {

    static final String USAGE = MailCommandLine.PREFIX;

    @Reference
    private MailAccess mail;

    public QuotaGetCommand() {
    }

    /** For tests. */
    QuotaGetCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("quota", "get");
    }

    @Override
    public String usage() {
        return USAGE.trim();
    }

    @Override
    public String help() {
        return "Shows the user's quota usage and limits: STORAGE in kibibytes, MESSAGE in messages.";
    }

    @Override
    public void run(List<String> args, PrintStream out) {
        run(args, out, null);
    }

    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        MailCommandLine cmd = MailCommandLine.parse("quota get", "", args, USAGE);
        DoveadmPrinter printer = DoveadmPrinter.of(formatter == null ? "table" : formatter, out);
        printer.header(new DoveadmPrinter.Header("root", "Quota name", 0));
        printer.header(new DoveadmPrinter.Header("type", "Type", 0));
        printer.header(new DoveadmPrinter.Header("value", "Value", DoveadmPrinter.RIGHT_JUSTIFY));
        printer.header(new DoveadmPrinter.Header("limit", "Limit", DoveadmPrinter.RIGHT_JUSTIFY));
        printer.header(new DoveadmPrinter.Header("percent", "%", DoveadmPrinter.RIGHT_JUSTIFY));
        MailErrors errors = new MailErrors(cmd.user);
        try (MailboxSession session = mail.open(cmd.user)) {
            Optional<Quota> quota = session.quota();
            if (quota.isPresent()) {
                Quota q = quota.get();
                row(printer, q.root(), "STORAGE", q.storageUsed() / 1024, q.storageLimit() / 1024);
                row(printer, q.root(), "MESSAGE", q.messagesUsed(), q.messagesLimit());
            }
        } catch (StoreException e) {
            errors.add(MailErrors.exitCode(e), "Failed to get quota resource: " + e.getMessage());
        } finally {
            printer.flush();
        }
        errors.check();
    }

    private static void row(DoveadmPrinter printer, String root, String type, long value, long limit) {
        printer.print(root);
        printer.print(type);
        printer.print(Long.toString(value));
        printer.print(limit > 0 ? Long.toString(limit) : "-");
        printer.print(limit > 0 ? Long.toString(value * 100 / limit) : "0");
    }
}
