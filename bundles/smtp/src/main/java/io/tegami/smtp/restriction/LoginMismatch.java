package io.tegami.smtp.restriction;

import java.util.List;
import java.util.Optional;

import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;
import io.tegami.smtp.session.SmtpdLog;

/**
 * {@code smtpd_sender_login_maps} restrictions: the table maps a sender address to the SASL login
 * names that own it ({@code alice@example.com alice, bob}).
 * {@code reject_authenticated_sender_login_mismatch} refuses an authenticated client a sender it
 * does not own, {@code reject_unauthenticated_sender_login_mismatch} refuses an unauthenticated one
 * any owned sender, {@code reject_known_sender_login_mismatch} does the first only for senders the
 * table knows, and {@code reject_sender_login_mismatch} is the first two together.
 */
final class LoginMismatch {

    private LoginMismatch() {
    }

    static Status authenticated(CheckState state) {
        return applies(state, "reject_authenticated_sender_login_mismatch") ? authenticated(state, false) : Status.DUNNO;
    }

    static Status unauthenticated(CheckState state) {
        return applies(state, "reject_unauthenticated_sender_login_mismatch") ? unauthenticatedCheck(state) : Status.DUNNO;
    }

    static Status known(CheckState state) {
        if (!applies(state, "reject_known_sender_login_mismatch")) {
            return Status.DUNNO;
        }
        return state.facts().saslUsername() != null ? authenticated(state, true) : unauthenticatedCheck(state);
    }

    /** The built-in class {@code reject_sender_login_mismatch}. */
    static Status both(CheckState state) {
        return Evaluator.evaluate(state,
                List.of("reject_authenticated_sender_login_mismatch", "reject_unauthenticated_sender_login_mismatch"));
    }

    private static boolean applies(CheckState state, String name) {
        if (!state.settings().saslEnabled()) {
            SmtpdLog.warn("restriction `{}' ignored: no SASL support", name);
            return false;
        }
        return state.sender != null && !state.sender.isEmpty();
    }

    private static Status authenticated(CheckState state, boolean allowUnknown) {
        String user = state.facts().saslUsername();
        if (user == null) {
            return Status.DUNNO;
        }
        Optional<String> owners = owners(state);
        if (owners.isEmpty() && allowUnknown) {
            return Status.DUNNO;
        }
        boolean found = owners.isPresent() && LookupTables.split(owners.get()).stream().anyMatch(user::equalsIgnoreCase);
        if (!found) {
            return Rejects.reject(state, ErrorClass.POLICY, 553, "5.7.1",
                    "<" + state.sender + ">: Sender address rejected: not owned by user " + user);
        }
        return Status.DUNNO;
    }

    private static Status unauthenticatedCheck(CheckState state) {
        if (state.facts().saslUsername() == null && owners(state).isPresent()) {
            return Rejects.reject(state, ErrorClass.POLICY, 553, "5.7.1",
                    "<" + state.sender + ">: Sender address rejected: not logged in");
        }
        return Status.DUNNO;
    }

    /** The owners of the (resolved) sender, in mail_addr_find()'s key order. */
    private static Optional<String> owners(CheckState state) {
        ResolvedAddress resolved = AddressChecks.resolve(state, state.sender);
        try {
            List<LookupTable> maps = AccessTables.tables(state.settings(), state.settings().list("smtpd_sender_login_maps", ""));
            return AccessTables.find(maps, AccessTables.addressKeys(resolved.recipient(), state.settings()));
        } catch (TableException e) {
            SmtpdLog.warn("smtpd_sender_login_maps lookup failure: {}", e.getMessage());
            throw Rejects.dictRetry(state, state.sender);
        }
    }
}
