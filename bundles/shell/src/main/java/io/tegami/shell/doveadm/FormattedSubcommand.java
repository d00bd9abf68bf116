package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand whose output goes through a {@link DoveadmPrinter}: doveadm's global {@code -f}
 * picks the formatter, and without it the command's own default applies (Dovecot's commands each
 * have one: {@code flow} for {@code mailbox list}, {@code table} for {@code who}...).
 */
abstract class FormattedSubcommand implements DoveadmSubcommand {

    @Override
    public final void run(List<String> args, PrintStream out) {
        run(args, out, null);
    }

    @Override
    public abstract void run(List<String> args, PrintStream out, String formatter);

    /** The printer {@code -f} asked for ({@code formatter}), or the command's own when null. */
    static DoveadmPrinter printer(String formatter, String commandDefault, PrintStream out) {
        return DoveadmPrinter.of(formatter == null ? commandDefault : formatter, out);
    }
}
