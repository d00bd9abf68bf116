package io.tegami.imap.session;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.sasl.SaslOffer;
import io.tegami.imap.auth.AuthOffer;

/**
 * The CAPABILITY list, computed for the session as it is now: before login it offers STARTTLS
 * (when the listener can upgrade and {@code ssl} is not {@code no}), the {@code AUTH=} mechanisms
 * that are registered, configured and allowed on this connection, and LOGINDISABLED where
 * plaintext logins are refused; after login it lists the extensions this server implements.
 */
public final class Capabilities {

    /** Always offered. */
    static final List<String> BASE = List.of("IMAP4rev1", "SASL-IR", "LITERAL+", "ID", "ENABLE", "IDLE");

    /** Offered after login: every extension implemented here. */
    static final List<String> AFTER_LOGIN = List.of("NAMESPACE", "UNSELECT", "CHILDREN", "UIDPLUS", "MOVE",
            "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS", "STATUS=SIZE", "CONDSTORE", "QRESYNC", "ESEARCH", "SORT",
            "SORT=DISPLAY", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES",
            "QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE");

    private Capabilities() {
    }

    /** The space-separated list. */
    public static String of(ImapSession session) {
        List<String> caps = new ArrayList<>(BASE);
        if (session.state() == SessionState.NOT_AUTHENTICATED) {
            if (!session.connection().isSecure() && session.connection().canStartTls()
                    && !session.settings().ssl().equals("no")) {
                caps.add("STARTTLS");
            }
            SaslOffer offer = AuthOffer.of(session.connection(), session.settings(), session.services().mechanisms());
            for (String m : offer.advertised()) {
                caps.add("AUTH=" + m);
            }
            if (!offer.plaintextAllowed()) {
                caps.add("LOGINDISABLED");
            }
        } else {
            caps.addAll(AFTER_LOGIN);
            if (session.settings().compressEnabled()) {
                caps.add("COMPRESS=DEFLATE"); // Dovecot's imap_zlib plugin, when loaded
            }
            long limit = session.settings().appendLimit();
            if (limit > 0 && limit <= 0xffffffffL) {
                caps.add("APPENDLIMIT=" + limit);
            }
        }
        return String.join(" ", caps);
    }
}
