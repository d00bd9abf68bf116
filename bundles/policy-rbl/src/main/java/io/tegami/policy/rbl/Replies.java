package io.tegami.policy.rbl;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.api.smtp.PolicyAction;
import io.tegami.api.smtp.PolicyRequest;
import io.tegami.api.table.LookupTable;
import io.tegami.api.table.LookupTables;
import io.tegami.api.table.TableException;

/**
 * Postfix's rbl_reject_reply(): the reply for a listed client, HELO name or address, from the
 * list's {@code rbl_reply_maps} template (looked up by the list as written, filter included) or
 * {@code default_rbl_reply}, with {@code $rbl_code} = {@code maps_rbl_reject_code}. A reply that
 * does not start with a 4xx or 5xx code is logged and replaced by {@code 450 4.7.1 Service
 * unavailable}; a missing {@code d.s.n} becomes {@code X.7.1}.
 */
final class Replies {

    /** Postfix's default_rbl_reply. */
    static final String DEFAULT_RBL_REPLY =
            "$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain${rbl_reason?; $rbl_reason}";

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.policy.rbl.smtpd");
    private static final Map<String, LookupTable> TABLES = new ConcurrentHashMap<>();

    private Replies() {
    }

    /**
     * The REPLY action for a listing.
     *
     * @param what the listed thing ({@code $rbl_what}): address, host name or mail address
     * @param rblClass what it is ({@code $rbl_class}): {@code Client host}, {@code Helo command}...
     * @throws IllegalStateException when rbl_reply_maps cannot be read (the server then defers)
     */
    static PolicyAction reject(MailParameters parameters, Site site, Listing listing, String what, String rblClass,
            PolicyRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("rbl_code", Long.toString(parameters == null ? 554 : parameters.getLong("maps_rbl_reject_code", 554)));
        values.put("rbl_domain", site.domain());
        values.put("rbl_reason", listing.reason());
        values.put("rbl_txt", listing.reason());
        values.put("rbl_what", what);
        values.put("rbl_class", rblClass);
        values.putAll(sessionValues(request));
        String template = template(parameters, site.spec());
        String defaultTemplate = defaultTemplate(parameters);
        String why;
        try {
            why = ReplyTemplate.expand(template != null ? template : defaultTemplate, values);
        } catch (IllegalArgumentException e) {
            LOG.warn("rbl_reject_reply: bad rbl reply template for domain {}: {}", site.spec(),
                    template != null ? template : defaultTemplate);
            why = ReplyTemplate.expand(DEFAULT_RBL_REPLY, values);
        }
        return PolicyAction.reply(normalize(why));
    }

    /**
     * default_rbl_reply as written: like Postfix's raw parameters it is not $-expanded as a
     * parameter ({@code $rbl_code} is no main.cf parameter), only as a template.
     */
    static String defaultTemplate(MailParameters parameters) {
        if (parameters == null) {
            return DEFAULT_RBL_REPLY;
        }
        String raw = parameters.explicit().get("default_rbl_reply");
        if (raw == null) {
            raw = parameters.defaults().get("default_rbl_reply");
        }
        return raw == null || raw.isBlank() ? DEFAULT_RBL_REPLY : raw.strip();
    }

    /** {@code code d.s.n text} from an expanded template. */
    static String normalize(String why) {
        if (why.length() < 4 || (why.charAt(0) != '4' && why.charAt(0) != '5') || !Character.isDigit(why.charAt(1))
                || !Character.isDigit(why.charAt(2)) || why.charAt(3) != ' ') {
            LOG.warn("rbl response code configuration error: {}", why);
            return "450 4.7.1 Service unavailable";
        }
        String code = why.substring(0, 3);
        String rest = why.substring(4).stripLeading();
        String dsn = code.charAt(0) + ".7.1";
        int blank = rest.indexOf(' ');
        String first = blank < 0 ? rest : rest.substring(0, blank);
        if (first.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            dsn = code.charAt(0) + first.substring(1);
            rest = blank < 0 ? "" : rest.substring(blank + 1).stripLeading();
        }
        return code + " " + dsn + " " + (rest.isEmpty() ? "Service unavailable" : rest);
    }

    /** The attributes Postfix's smtpd_expand_lookup() offers every template. */
    static Map<String, String> sessionValues(PolicyRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        String address = request.clientAddress() == null ? "unknown" : request.clientAddress().getHostAddress();
        String name = request.clientName() == null ? "unknown" : request.clientName();
        values.put("client", name + "[" + address + "]");
        values.put("client_address", address);
        values.put("client_name", name);
        values.put("reverse_client_name", request.reverseClientName() == null ? "unknown" : request.reverseClientName());
        values.put("helo_name", request.heloName() == null ? "" : request.heloName());
        values.put("sender", request.sender() == null ? "" : request.sender().isEmpty() ? "<>" : request.sender());
        values.put("recipient", request.recipient() == null ? "" : request.recipient());
        return values;
    }

    private static String template(MailParameters parameters, String key) {
        String spec = parameters == null ? "" : parameters.get("rbl_reply_maps", "");
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            for (String one : LookupTables.split(spec)) {
                Optional<String> found = table(one, parameters.home()).lookup(key);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            return null;
        } catch (TableException e) {
            LOG.warn("rbl_reply_maps: {}", e.getMessage());
            throw new IllegalStateException("rbl_reply_maps lookup failed: " + e.getMessage(), e);
        }
    }

    private static LookupTable table(String spec, Path home) throws TableException {
        String key = home + "\0" + spec;
        LookupTable table = TABLES.get(key);
        if (table == null) {
            table = LookupTables.open(spec, home);
            TABLES.putIfAbsent(key, table);
        }
        return table;
    }
}
