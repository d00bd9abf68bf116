package io.tegami.smtp.restriction;

import java.util.List;

import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's generic_checks(): applies a restriction list in order until one restriction permits
 * or rejects. {@code warn_if_reject} turns the next restriction's rejection into a logged warning;
 * a bare {@code type:table} means the list's default {@code check_*_access}; names listed in
 * {@code smtpd_restriction_classes} expand to their own lists; other names are looked up among
 * the plugin policies ({@link PolicyServices}); an unknown name is a configuration error that
 * answers {@code 451 4.3.5 Server configuration error}.
 */
final class Evaluator {

    private Evaluator() {
    }

    /** Evaluates {@code list} with the reply name and class it is checked under. */
    static Status evaluate(CheckState state, List<String> list, String replyName, String replyClass) {
        String savedName = state.replyName;
        String savedClass = state.replyClass;
        state.replyName = replyName;
        state.replyClass = replyClass;
        try {
            return evaluate(state, list);
        } finally {
            state.replyName = savedName;
            state.replyClass = savedClass;
        }
    }

    static Status evaluate(CheckState state, List<String> list) {
        int saved = state.recursion++;
        Status status = Status.DUNNO;
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (name.equalsIgnoreCase("warn_if_reject")) {
                if (state.warnIfReject == 0) {
                    state.warnIfReject = state.recursion;
                }
                continue;
            }
            String table = null;
            if (name.indexOf(':') >= 0) {
                if (state.defaultAcl == null) {
                    SmtpdLog.warn("specify one of (check_client_access, check_reverse_client_access, check_helo_access, "
                            + "check_sender_access, check_recipient_access, check_etrn_access) before {} restriction \"{}\"",
                            state.replyClass, name);
                    throw Rejects.serverError(state);
                }
                table = name;
                name = state.defaultAcl;
            }
            String key = HostNames.lower(name);
            Restriction simple = Registry.simple(key);
            Restriction.WithTable withTable = Registry.withTable(key);
            List<String> restrictionClass;
            PolicyServices.Binding policy;
            Integer gone;
            if (simple != null) {
                status = simple.apply(state);
            } else if (withTable != null) {
                if (table == null) {
                    if (i + 1 >= list.size() || list.get(i + 1).indexOf(':') < 0) {
                        SmtpdLog.warn("restriction {}: bad argument \"{}\": need maptype:mapname", name,
                                i + 1 < list.size() ? list.get(i + 1) : name);
                        throw Rejects.serverError(state);
                    }
                    table = list.get(++i);
                }
                status = withTable.apply(state, table);
            } else if ((restrictionClass = state.settings().restrictionClass(name)) != null) {
                status = evaluate(state, restrictionClass);
            } else if ((policy = state.lookups().policies().find(key)) != null) {
                String argument = policy.arguments() == 0 ? null : argument(state, list, i++);
                status = PolicyChecks.apply(state, policy, key, argument);
            } else if ((gone = state.lookups().policies().gone(key)) != null) {
                i += gone > 0 && i + 1 < list.size() ? 1 : 0;
                status = PolicyChecks.unavailable(state, key);
            } else {
                SmtpdLog.warn("unknown smtpd restriction: \"{}\"", name);
                throw Rejects.serverError(state);
            }
            if (state.warnIfReject >= state.recursion) {
                state.warnIfReject = 0;
            }
            if (status != Status.DUNNO) {
                warnIgnored(state, key, status, list, i);
                break;
            }
            if (state.session().deferIfPermit.active() && state.session().deferIfReject.active()) {
                break;
            }
        }
        state.recursion = saved;
        if (state.warnIfReject >= state.recursion) {
            state.warnIfReject = 0;
        }
        return status;
    }

    /** The word after a plugin policy's name in the list (a DNS zone, a table...). */
    private static String argument(CheckState state, List<String> list, int i) {
        if (i + 1 >= list.size()) {
            SmtpdLog.warn("restriction {} requires an argument", list.get(i));
            throw Rejects.serverError(state);
        }
        return list.get(i + 1);
    }

    /** Postfix warns when restrictions follow one that always decides. */
    private static void warnIgnored(CheckState state, String key, Status status, List<String> list, int i) {
        if (i + 1 >= list.size()) {
            return;
        }
        boolean always = (key.equals("permit") && status == Status.OK)
                || ((key.equals("reject") || key.equals("defer")) && state.warnIfReject == 0);
        if (always) {
            SmtpdLog.warn("restriction `{}' after `{}' is ignored", list.get(i + 1), key);
        }
    }
}
