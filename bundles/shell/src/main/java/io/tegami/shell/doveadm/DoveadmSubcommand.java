package io.tegami.shell.doveadm;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code doveadm} subcommand ({@code pw}, {@code auth test}, {@code user}...), registered as a
 * service inside the shell bundle so that the {@code doveadm} dispatcher finds it; a new
 * subcommand ({@code who}, {@code kick}) is one more component with its own references.
 */
public interface DoveadmSubcommand {

    /** The words that name it: {@code ["auth", "test"]}. */
    List<String> name();

    /** The synopsis after the name, as {@code doveadm help} shows it. */
    String usage();

    /**
     * Runs it.
     *
     * @param args the arguments after the name
     * @param out where Dovecot's doveadm writes its standard output
     * @throws DoveadmException for any failure, with doveadm's stderr text and exit code
     */
    void run(List<String> args, PrintStream out);

    /**
     * Runs it with the formatter chosen by doveadm's global {@code -f} option.
     *
     * @param formatter the {@link DoveadmPrinter} name given with {@code -f}, or null for the
     *        command's own default; commands without formatted output ignore it
     */
    default void run(List<String> args, PrintStream out, String formatter) {
        run(args, out);
    }

    /** What {@code doveadm NAME --help} prints after the usage line: the command's description. */
    default String help() {
        return "";
    }
}
