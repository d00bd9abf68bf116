package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MailboxInfo;
import io.tegami.api.store.MailboxSession;
import io.tegami.api.store.MailboxStatus;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;

/**
 * {@code doveadm mailbox status -u USER [-t] FIELDS MASK...}: the counters of the matching
 * mailboxes in Dovecot 2.3.19's order ({@code messages recent uidnext uidvalidity unseen
 * highestmodseq vsize guid firstsaved}, whatever order they are asked in; {@code all} for every
 * one), or with {@code -t} their sums (only messages, recent, unseen and vsize add up). Default
 * output: {@code INBOX messages=3 unseen=3} ({@code flow}). Mailboxes are opened read-only, so
 * {@code recent} counts messages no session has claimed. See {@link Guids} for {@code guid}.
 */
@Component(service = DoveadmSubcommand.class)
public final class MailboxStatusCommand extends FormattedSubcommand {

    static final String USAGE = MailCommandLine.PREFIX + "[-t] <fields> <mailbox mask> [...]";
    /** Every field, in the order Dovecot prints them. */
    static final List<String> FIELDS = List.of("messages", "recent", "uidnext", "uidvalidity", "unseen",
            "highestmodseq", "vsize", "guid", "firstsaved");
    private static final Set<String> TOTALS = Set.of("messages", "recent", "unseen", "vsize");

    @Reference
    private MailAccess mail;

    public MailboxStatusCommand() {
    }

    /** For tests. */
    MailboxStatusCommand(MailAccess mail) {
        this.mail = mail;
    }

    @Override
    public List<String> name() {
        return List.of("mailbox", "status");
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String help() {
        return "Shows the status fields of the matching mailboxes. Fields (one argument, separated\n"
                + "by spaces): all " + String.join(" ", FIELDS) + ". -t sums messages, recent,\n"
                + "unseen and vsize over the mailboxes instead.";
    }

    @Override
    public void run(List<String> args, PrintStream out, String formatter) {
        MailCommandLine cmd = MailCommandLine.parse("mailbox status", "tf:", args, USAGE, 2);
        boolean total = cmd.has('t');
        List<String> fields = fields(cmd.operands().get(0), total);
        DoveadmPrinter printer = printer(formatter, "flow", out);
        if (!total) {
            printer.header(new DoveadmPrinter.Header("mailbox", "mailbox", DoveadmPrinter.HIDE_TITLE));
        }
        fields.forEach(f -> printer.header(DoveadmPrinter.Header.simple(f)));
        List<String> masks = cmd.operands().subList(1, cmd.operands().size());
        MailErrors errors = new MailErrors(cmd.user);
        long[] sums = new long[4];
        try (MailboxSession session = mail.open(cmd.user)) {
            for (String name : select(session, masks, errors)) {
                try (Mailbox box = session.open(name, true)) {
                    List<MessageInfo> messages = box.messages();
                    MailboxStatus s = MailboxStatus.of(messages, box.uidNext(), box.uidValidity(), box.highestModSeq());
                    if (total) {
                        sums[0] += s.messages();
                        sums[1] += s.recent();
                        sums[2] += s.unseen();
                        sums[3] += s.size();
                        continue;
                    }
                    printer.print(box.name());
                    for (String f : fields) {
                        printer.print(value(f, s, messages, Guids.mailbox(cmd.user, box.name(), s.uidValidity())));
                    }
                } catch (StoreException e) {
                    errors.add(MailErrors.exitCode(e), "Mailbox " + name + ": Failed to lookup mailbox status: "
                            + MailErrors.text(e, name));
                }
            }
            if (total) {
                MailboxStatus s = new MailboxStatus((int) sums[0], (int) sums[1], (int) sums[2], 0, 0, 0, sums[3]);
                for (String f : fields) {
                    printer.print(value(f, s, List.of(), ""));
                }
            }
        } finally {
            printer.flush();
        }
        errors.check();
    }

    /** The names to report: listed ones matching a mask, then literal masks not listed (to fail). */
    static List<String> select(MailboxSession session, List<String> masks, MailErrors errors) {
        List<String> out = new ArrayList<>();
        Set<String> literals = new LinkedHashSet<>();
        for (String m : masks) {
            if (!MailCommandLine.isPattern(m)) {
                literals.add(m.equalsIgnoreCase("INBOX") ? "INBOX" : m);
            }
        }
        try {
            for (MailboxInfo info : session.list()) {
                boolean literal = literals.remove(info.name());
                if (info.selectable() && (literal || masks.stream().anyMatch(
                        m -> MailCommandLine.matches(m, info.name(), session.delimiter())))) {
                    out.add(info.name());
                }
            }
        } catch (StoreException e) {
            errors.add(MailErrors.exitCode(e), "Listing mailboxes failed: " + e.getMessage());
        }
        out.addAll(literals); // opening them fails as Dovecot's lookup does
        return out;
    }

    private static List<String> fields(String spec, boolean total) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String f : spec.trim().split(" +")) {
            if (f.isEmpty()) {
                continue;
            }
            if (f.equals("all")) {
                wanted.addAll(total ? TOTALS : FIELDS);
            } else if (FIELDS.contains(f)) {
                wanted.add(f);
            } else {
                throw DoveadmException.usage("Fatal: Unknown status field: " + f + "\ndoveadm mailbox status " + USAGE);
            }
            if (total && !TOTALS.containsAll(wanted)) {
                throw DoveadmException.usage("Fatal: Status field " + f + " can't be used with -t");
            }
        }
        if (wanted.isEmpty()) {
            throw DoveadmException.usage("Fatal: No status fields");
        }
        return FIELDS.stream().filter(wanted::contains).toList();
    }

    private static String value(String field, MailboxStatus s, List<MessageInfo> messages, String guid) {
        return switch (field) {
            case "messages" -> Integer.toString(s.messages());
            case "recent" -> Integer.toString(s.recent());
            case "uidnext" -> Long.toString(s.uidNext());
            case "uidvalidity" -> Long.toString(s.uidValidity());
            case "unseen" -> Integer.toString(s.unseen());
            case "highestmodseq" -> Long.toString(s.highestModSeq());
            case "vsize" -> Long.toString(s.size());
            case "guid" -> guid;
            case "firstsaved" -> messages.isEmpty() ? "never"
                    : Long.toString(messages.get(0).internalDate().getEpochSecond());
            default -> throw new IllegalArgumentException(field);
        };
    }
}
