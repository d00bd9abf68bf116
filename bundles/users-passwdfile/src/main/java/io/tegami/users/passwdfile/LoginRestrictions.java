package io.tegami.users.passwdfile;

import java.net.InetAddress;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passdb extra fields that refuse a login whose password is right, as Dovecot applies them:
 * {@code nologin} (with an optional {@code reason=...}) and {@code allow_nets=ip/bits,...,local}.
 * Refusals are logged at info, in Dovecot's words, since the client only sees a failed login.
 */
final class LoginRestrictions {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRestrictions.class);

    private LoginRestrictions() {
    }

    /**
     * Whether {@code user} may log in from {@code client}.
     *
     * @param client the remote address, or null when unknown (a local tool, {@code doveadm auth test})
     */
    static boolean allows(String user, Map<String, String> fields, InetAddress client) {
        if (fields.containsKey("nologin")) {
            String reason = fields.get("reason");
            LOG.info("passwd-file({},{}): login refused: nologin{}", user, address(client),
                    reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
            return false;
        }
        String nets = fields.get("allow_nets");
        if (nets == null) {
            return true;
        }
        NetworkList list = NetworkList.parse(nets);
        for (String bad : list.invalid()) {
            LOG.info("passwd-file({},{}): allow_nets: Invalid network '{}'", user, address(client), bad);
        }
        if (list.allows(client)) {
            return true;
        }
        if (client == null) {
            LOG.info("passwd-file({},{}): allow_nets check failed: Remote IP not known and 'local' missing",
                    user, address(null));
        } else {
            LOG.info("passwd-file({},{}): allow_nets check failed: IP {} not in allowed networks",
                    user, address(client), client.getHostAddress());
        }
        return false;
    }

    private static String address(InetAddress client) {
        return client == null ? "?" : client.getHostAddress();
    }
}
