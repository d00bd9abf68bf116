package io.tegami.smtp.restriction;

import java.util.List;
import java.util.function.Supplier;

/**
 * The restriction stages of smtpd_check.c: client, HELO, sender, recipient, DATA and end of data.
 * Each returns the reply of a rejection or {@code null}. With {@code smtpd_delay_reject = yes}
 * (the default) the client, HELO and sender restrictions run at RCPT time, so they can look at the
 * recipient too; the relay restrictions run before the recipient restrictions, and an address in a
 * local domain must name a user ({@code smtpd_reject_unlisted_recipient}).
 */
final class Stages {

    private Stages() {
    }

    static String client(CheckState state) {
        SessionChecks session = state.session();
        session.deferIfPermit.active(false);
        Status status = run(state, state.settings().restrictions("smtpd_client_restrictions", ""),
                state.facts().namaddr(), Names.CLIENT, "check_client_access");
        session.deferIfPermitClient = session.deferIfPermit.active();
        return status == Status.REJECT ? state.errorText() : null;
    }

    static String helo(CheckState state, String helo) {
        if (helo == null) {
            return null;
        }
        String saved = state.helo;
        state.helo = helo;
        try {
            SessionChecks session = state.session();
            session.deferIfPermit.active(session.deferIfPermitClient);
            Status status = run(state, state.settings().restrictions("smtpd_helo_restrictions", ""), helo, Names.HELO,
                    "check_helo_access");
            session.deferIfPermitHelo = session.deferIfPermit.active();
            return status == Status.REJECT ? state.errorText() : null;
        } finally {
            state.helo = saved;
        }
    }

    static String sender(CheckState state, String sender) {
        if (sender == null) {
            return null;
        }
        String saved = state.sender;
        state.sender = sender;
        try {
            SessionChecks session = state.session();
            session.deferIfPermit.active(session.deferIfPermitClient | session.deferIfPermitHelo);
            state.senderMapsChecked = false;
            Status status = run(state, state.settings().restrictions("smtpd_sender_restrictions", ""), sender,
                    Names.SENDER, "check_sender_access");
            session.deferIfPermitSender = session.deferIfPermit.active();
            if (status != Status.REJECT && state.settings().flag("smtpd_reject_unlisted_sender", false)
                    && !state.senderMapsChecked && !sender.isEmpty()) {
                status = guarded(state, () -> RecipientMaps.sender(state, sender));
            }
            return status == Status.REJECT ? state.errorText() : null;
        } finally {
            state.sender = saved;
        }
    }

    static String recipient(CheckState state, String recipient) {
        // RFC 5321 section 4.5.1: "postmaster" without a domain is always accepted.
        if (recipient.equalsIgnoreCase("postmaster")) {
            return null;
        }
        String saved = state.recipient;
        state.recipient = recipient;
        try {
            state.recipientMapsChecked = false;
            RestrictionSettings settings = state.settings();
            if (settings.delayReject()) {
                String err = client(state);
                if (err == null) {
                    err = helo(state, state.helo);
                }
                if (err == null) {
                    err = sender(state, state.sender);
                }
                if (err != null) {
                    return err;
                }
            }
            SessionChecks session = state.session();
            session.deferIfPermit.active(session.deferIfPermitSender);
            state.reset();
            List<String> relay = settings.restrictions("smtpd_relay_restrictions", RestrictionSettings.RELAY_DEFAULT);
            List<String> rcpt = settings.restrictions("smtpd_recipient_restrictions", "");
            if (!RelayGuard.safe(settings, relay, rcpt)) {
                Rejects.serverError(state);
                return state.errorText();
            }
            boolean relayFirst = settings.flag("smtpd_relay_before_recipient_restrictions", true);
            Status status = Status.DUNNO;
            for (List<String> list : relayFirst ? List.of(relay, rcpt) : List.of(rcpt, relay)) {
                status = list.isEmpty() ? Status.DUNNO
                        : guarded(state, () -> evaluate(state, list, recipient, Names.RECIPIENT, "check_recipient_access"));
                if (status == Status.REJECT) {
                    break;
                }
            }
            status = deferred(state, status);
            if (settings.flag("smtpd_reject_unlisted_recipient", true) && status != Status.REJECT
                    && !state.recipientMapsChecked) {
                status = guarded(state, () -> RecipientMaps.recipient(state, recipient));
            }
            return status == Status.REJECT ? state.errorText() : null;
        } finally {
            state.recipient = saved;
        }
    }

    static String data(CheckState state) {
        return endStage(state, "smtpd_data_restrictions", "DATA", Names.DATA);
    }

    static String endOfData(CheckState state) {
        return endStage(state, "smtpd_end_of_data_restrictions", "END-OF-MESSAGE", Names.END_OF_DATA);
    }

    /** DATA and end of data: no recipient is named when there are several; no bare tables. */
    private static String endStage(CheckState state, String parameter, String name, String replyClass) {
        String saved = state.recipient;
        if (state.facts().recipientCount() > 1) {
            state.recipient = null;
        }
        try {
            state.session().deferIfPermit.active(false);
            Status status = run(state, state.settings().restrictions(parameter, ""), name, replyClass, null);
            status = deferred(state, status);
            return status == Status.REJECT ? state.errorText() : null;
        } finally {
            state.recipient = saved;
        }
    }

    /** A stage's list, from a fresh start (SMTPD_CHECK_RESET). */
    private static Status run(CheckState state, List<String> list, String replyName, String replyClass, String defaultAcl) {
        state.reset();
        if (list.isEmpty()) {
            return Status.DUNNO;
        }
        return guarded(state, () -> evaluate(state, list, replyName, replyClass, defaultAcl));
    }

    private static Status evaluate(CheckState state, List<String> list, String replyName, String replyClass,
            String defaultAcl) {
        String saved = state.defaultAcl;
        state.defaultAcl = defaultAcl;
        try {
            return Evaluator.evaluate(state, list, replyName, replyClass);
        } finally {
            state.defaultAcl = saved;
        }
    }

    /** A permit turns into the deferral an earlier temporary problem asked for. */
    private static Status deferred(CheckState state, Status status) {
        Deferral defer = state.session().deferIfPermit;
        if (status != Status.REJECT && defer.active()) {
            return Rejects.reject(state, defer.errorClass(), defer.code(), defer.dsn(), defer.reason());
        }
        return status;
    }

    /** Where smtpd_check.c has its setjmp(): an abort ends the list with its reply. */
    private static Status guarded(CheckState state, Supplier<Status> check) {
        try {
            return check.get();
        } catch (Abort abort) {
            return abort.status();
        }
    }
}
