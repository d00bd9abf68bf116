package io.tegami.smtp.restriction;

import java.util.List;
import java.util.Locale;

import io.tegami.api.table.LookupTables;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's check_table_result(): what an access(5) table result means. {@code OK}, {@code RELAY}
 * and all-digit values permit; {@code REJECT}, {@code DEFER} and {@code 4xx}/{@code 5xx text}
 * reject (with an optional {@code d.s.n} code); {@code DUNNO} goes on; {@code DEFER_IF_PERMIT} and
 * {@code DEFER_IF_REJECT} raise deferrals; {@code INFO} and {@code WARN} log; anything else is a
 * list of restrictions (or a restriction class) evaluated in place. Actions that need the queue's
 * help ({@code FILTER}, {@code HOLD}, {@code DISCARD}, {@code REDIRECT}, {@code BCC},
 * {@code PREPEND}) are not available in Tegami: they are logged and skipped, as Postfix does where
 * it cannot honour them.
 */
final class TableResult {

    private static final List<String> UNAVAILABLE = List.of("FILTER", "HOLD", "DISCARD", "REDIRECT", "BCC", "PREPEND", "DELAY");
    private static final int MAX_RECURSION = 100;

    private TableResult() {
    }

    static Status apply(CheckState state, String table, String value, String replyName, String replyClass) {
        int blank = 0;
        while (blank < value.length() && value.charAt(blank) != ' ' && value.charAt(blank) != '\t') {
            blank++;
        }
        String command = value.substring(0, blank);
        String text = value.substring(blank).strip();
        String upper = command.toUpperCase(Locale.ROOT);
        RestrictionSettings settings = state.settings();
        switch (upper) {
            case "DUNNO":
                return Status.DUNNO;
            case "REJECT":
                return refuse(state, settings.code("access_map_reject_code", 554), "5.7.1", text, "Access denied",
                        replyName, replyClass);
            case "DEFER":
                return refuse(state, settings.code("access_map_defer_code", 450), "4.7.1", text, "Access denied",
                        replyName, replyClass);
            case "INFO":
            case "WARN":
                CheckLog.whatsup(state, upper.toLowerCase(Locale.ROOT), text);
                return Status.DUNNO;
            case "DEFER_IF_PERMIT": {
                Dsn.Split split = Dsn.split("4.7.1", text);
                return Rejects.deferIfPermit(state, true, ErrorClass.POLICY, settings.code("access_map_defer_code", 450),
                        Dsn.fix(split.dsn(), replyClass),
                        Generic.rejected(replyName, replyClass, split.text().isEmpty() ? "Service unavailable" : split.text()));
            }
            case "DEFER_IF_REJECT": {
                Dsn.Split split = Dsn.split("4.7.1", text);
                return Rejects.deferIfReject(state, ErrorClass.POLICY, settings.code("access_map_defer_code", 450),
                        Dsn.fix(split.dsn(), replyClass),
                        Generic.rejected(replyName, replyClass, split.text().isEmpty() ? "Service unavailable" : split.text()));
            }
            case "OK":
            case "RELAY":
                return Status.OK;
            default:
                break;
        }
        if (UNAVAILABLE.contains(upper)) {
            SmtpdLog.warn("access table {}: action {} is unavailable", table, upper);
            return Status.DUNNO;
        }
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return Status.OK;
        }
        if (command.length() == 3 && !text.isEmpty() && (value.charAt(0) == '4' || value.charAt(0) == '5')
                && Character.isDigit(value.charAt(1)) && Character.isDigit(value.charAt(2))) {
            return refuse(state, Integer.parseInt(command), value.charAt(0) + ".7.1", text, "Access denied",
                    replyName, replyClass);
        }
        if (value.indexOf(':') >= 0) {
            SmtpdLog.warn("access table {} has entry with lookup table: {}", table, value);
            SmtpdLog.warn("do not specify lookup tables inside SMTPD access maps");
            SmtpdLog.warn("define a restriction class and specify its name instead.");
            throw Rejects.serverError(state);
        }
        if (state.recursion > MAX_RECURSION) {
            SmtpdLog.warn("access table {} entry {} causes unreasonable recursion", table, value);
            throw Rejects.serverError(state);
        }
        List<String> restrictions = LookupTables.split(value);
        if (restrictions.isEmpty()) {
            SmtpdLog.warn("access table {} entry {} has empty value", table, value);
            return Status.OK;
        }
        return Evaluator.evaluate(state, restrictions, replyName, replyClass);
    }

    private static Status refuse(CheckState state, int code, String defaultDsn, String text, String defaultText,
            String replyName, String replyClass) {
        Dsn.Split split = Dsn.split(defaultDsn, text);
        return Rejects.reject(state, ErrorClass.POLICY, code, Dsn.fix(split.dsn(), replyClass),
                Generic.rejected(replyName, replyClass, split.text().isEmpty() ? defaultText : split.text()));
    }
}
