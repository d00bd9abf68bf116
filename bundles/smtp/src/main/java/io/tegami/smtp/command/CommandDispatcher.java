package io.tegami.smtp.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Finds the command for a verb (without case), runs it and keeps the books: per-command counts
 * for the disconnect line, errors and junk commands for the error limit. Unknown verbs get 502;
 * verbs that show the client is not speaking SMTP at all (HTTP, mail headers) end the session.
 */
public final class CommandDispatcher {

    private final Map<String, SmtpCommand> commands = new LinkedHashMap<>();

    /** @param list the commands, in the order the disconnect line and HELP list them */
    public CommandDispatcher(List<SmtpCommand> list) {
        for (SmtpCommand c : list) {
            commands.put(c.verb().toUpperCase(Locale.ROOT), c.allowedBeforeTls() ? c : new TlsRequired(c));
        }
    }

    /** The commands of this first cut, in Postfix's command-table order. */
    public static CommandDispatcher standard() {
        return new CommandDispatcher(List.of(new HeloCommand(), new EhloCommand(), new StartTlsCommand(),
                new AuthCommand(), new MailCommand(), new RcptCommand(), new DataCommand(), new BdatCommand(),
                new RsetCommand(), new NoopCommand(), new VrfyCommand(), new QuitCommand(), new HelpCommand()));
    }

    /** Every known verb, in table order. */
    public List<String> verbs() {
        return List.copyOf(commands.keySet());
    }

    /** True for a verb this server implements (any case). */
    public boolean isKnown(String verb) {
        return commands.containsKey(verb.toUpperCase(Locale.ROOT));
    }

    /** The verbs HELP shows. */
    public List<String> helpVerbs() {
        List<String> out = new ArrayList<>();
        commands.values().stream().filter(SmtpCommand::listedInHelp).forEach(c -> out.add(c.verb()));
        return out;
    }

    /**
     * Runs one command line.
     *
     * @param verb the first word, any case
     * @param argument the rest, trimmed
     * @param line the whole line, for the log
     */
    public Outcome dispatch(SmtpSession session, String verb, String argument, String line) {
        SmtpCommand command = commands.get(verb.toUpperCase(Locale.ROOT));
        if (command == null) {
            return unknown(session, verb, line);
        }
        session.where(command.verb());
        Outcome outcome = command.execute(session, argument);
        if (outcome != Outcome.PENDING) {
            session.stats().record(command.verb(), outcome == Outcome.SUCCESS);
        }
        if (outcome == Outcome.FAILURE) {
            session.errors().countError();
        }
        if (command.junk()) {
            session.errors().countJunk(session.settings().junkCommandLimit());
        }
        return outcome;
    }

    private Outcome unknown(SmtpSession session, String verb, String line) {
        session.where("UNKNOWN");
        session.stats().record(null, false);
        if (isForbidden(session, verb)) {
            SmtpdLog.warn("non-SMTP command from {}: {}", session.client().nameAndAddress(), printable(line));
            session.reply("221 2.7.0 Error: I can break rules, too. Goodbye.");
            session.hangUp();
        } else {
            session.reply("502 5.5.2 Error: command not recognized");
        }
        session.errors().countError(); // after the reply, as in Postfix: the tarpit looks at earlier errors
        return Outcome.FAILURE;
    }

    /** Postfix's smtpd_forbidden_commands, plus anything shaped like a mail header ("Subject:"). */
    private static boolean isForbidden(SmtpSession session, String verb) {
        if (verb.length() > 1 && verb.endsWith(":")) {
            return true;
        }
        for (String forbidden : session.settings().forbiddenCommands()) {
            if (forbidden.equalsIgnoreCase(verb)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) : text;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
