package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 5322 address lists (with the obsolete forms: routes, phrases with dots, comments as
 * names) into {@link Address} entries, leniently and as Dovecot does: an empty element between
 * commas is a missing address, a comment gives the name of an address without a phrase, parsing
 * stops quietly at garbage. Never throws.
 */
public final class AddressParser {

    private static final int MAX_ADDRESSES = 1000;

    private final List<AddressTokens.Token> tokens;
    private int i;
    private final List<Address> out = new ArrayList<>();

    private AddressParser(String value) {
        this.tokens = AddressTokens.tokenize(value, 10 * MAX_ADDRESSES);
    }

    /**
     * The addresses of an unfolded header value; empty for null or blank. Several fields' values
     * joined with LF (as {@link Envelope} holds repeated fields) are parsed one by one.
     */
    public static List<Address> parse(String value) {
        if (value == null) {
            return List.of();
        }
        List<Address> all = new ArrayList<>();
        for (String one : value.split("\n", -1)) {
            AddressParser p = new AddressParser(one);
            p.list();
            all.addAll(p.out);
            if (all.size() >= MAX_ADDRESSES) {
                break;
            }
        }
        return List.copyOf(all);
    }

    private void list() {
        while (out.size() < MAX_ADDRESSES) {
            AddressTokens.Token t = peekNonComment();
            if (t == null) {
                break; // the end, or an empty last element ("a@b," or "a@b, (x)"): nothing
            }
            if (t.is(',')) {
                // An empty element before a comma (",a@b", "a@b,,c@d"): a missing address, as Dovecot.
                out.add(new Address(null, null, Address.MISSING_MAILBOX, Address.MISSING_DOMAIN));
                skipComments();
                i++;
                continue;
            }
            if (!element()) {
                break;
            }
            AddressTokens.Token next = peekNonComment();
            if (next == null || !next.is(',')) {
                break; // the end, or garbage after an address: stop, as Dovecot does
            }
            skipComments();
            i++;
        }
    }

    /** One address or group; false if parsing should stop. */
    private boolean element() {
        int start = i;
        List<String> words = new ArrayList<>();
        collectWords(words);
        AddressTokens.Token t = peekNonComment();
        if (t != null && t.is(':')) {
            skipComments();
            i++;
            out.add(Address.groupStart(String.join(" ", words)));
            while (i < tokens.size() && out.size() < MAX_ADDRESSES) {
                AddressTokens.Token n = peekNonComment();
                if (n == null) {
                    break;
                }
                if (n.is(';')) {
                    skipComments();
                    i++;
                    break;
                }
                if (n.is(',')) {
                    skipComments();
                    i++;
                    continue;
                }
                int before = i;
                mailbox();
                if (i == before) {
                    i++; // a stray special inside the group: skip it
                }
            }
            out.add(Address.groupEnd());
            return true;
        }
        i = start;
        mailbox();
        return i > start || i < tokens.size();
    }

    /** A name-addr or addr-spec (or the rubble of one). */
    private void mailbox() {
        List<String> words = new ArrayList<>();
        String comment = collectWords(words);
        AddressTokens.Token t = peek();
        String name = words.isEmpty() ? null : String.join(" ", words);
        if (t != null && t.is('<')) {
            i++;
            String route = route();
            String[] spec = addrSpec();
            boolean closed = false;
            AddressTokens.Token c = peekNonComment();
            if (c != null && c.is('>')) {
                skipComments();
                i++;
                closed = true;
            }
            String trailing = skipComments();
            if (name == null) {
                name = trailing != null ? trailing : comment;
            }
            out.add(new Address(emptyToNull(name), route, missing(spec[0], Address.MISSING_MAILBOX),
                    closed ? missing(spec[1], Address.MISSING_DOMAIN) : "SYNTAX_ERROR"));
            return;
        }
        if (t != null && t.is('@')) {
            // The words were the local part of an addr-spec.
            i++;
            String domain = domain();
            String trailing = skipComments();
            AddressTokens.Token after = peek();
            if (after != null && after.is('(')) {
                domain = ""; // an unterminated comment spoils the domain (Dovecot)
            }
            String local = String.join("", words);
            out.add(new Address(emptyToNull(trailing != null ? trailing : comment), null,
                    missing(local, Address.MISSING_MAILBOX), missing(domain, Address.MISSING_DOMAIN)));
            skipRest();
            return;
        }
        if (words.isEmpty()) {
            if (t != null && !t.is(',') && !t.is(';')) {
                i++; // a stray special: report a missing address for it, as Dovecot does
                out.add(new Address(null, null, Address.MISSING_MAILBOX, Address.MISSING_DOMAIN));
                skipRest();
            }
            return;
        }
        out.add(new Address(emptyToNull(comment), null, String.join(" ", words), Address.MISSING_DOMAIN));
    }

    /** {@code @a,@b:} before an addr-spec inside angle brackets, or null. */
    private String route() {
        AddressTokens.Token t = peekNonComment();
        if (t == null || !t.is('@')) {
            return null;
        }
        int save = i;
        StringBuilder sb = new StringBuilder();
        while (true) {
            AddressTokens.Token n = peekNonComment();
            if (n == null) {
                break;
            }
            if (n.is(':')) {
                skipComments();
                i++;
                return sb.toString();
            }
            skipComments();
            i++;
            sb.append(n.text());
            if (n.is('>')) {
                break;
            }
        }
        i = save; // not a route after all
        return null;
    }

    private String[] addrSpec() {
        List<String> local = new ArrayList<>();
        collectWords(local);
        String domain = null;
        AddressTokens.Token t = peekNonComment();
        if (t != null && t.is('@')) {
            skipComments();
            i++;
            domain = domain();
        }
        // Anything else before '>' is dropped.
        while (true) {
            AddressTokens.Token n = peekNonComment();
            if (n == null || n.is('>')) {
                break;
            }
            skipComments();
            i++;
        }
        return new String[] {String.join("", local), domain};
    }

    private String domain() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            AddressTokens.Token t = peekNonComment();
            if (t == null || !(t.kind() == AddressTokens.Kind.WORD || t.kind() == AddressTokens.Kind.LITERAL)) {
                break;
            }
            skipComments();
            i++;
            sb.append(t.text());
        }
        return sb.toString();
    }

    /** Adds the words (atoms, quoted strings) that follow; returns the last comment seen. */
    private String collectWords(List<String> words) {
        String comment = null;
        while (i < tokens.size()) {
            AddressTokens.Token t = tokens.get(i);
            if (t.kind() == AddressTokens.Kind.COMMENT) {
                comment = t.text();
            } else if (t.kind() == AddressTokens.Kind.WORD || t.kind() == AddressTokens.Kind.QUOTED) {
                words.add(t.text());
            } else if (t.is('.')) {
                words.add(".");
            } else {
                break;
            }
            i++;
        }
        // Phrases like "Q. Public" arrive as words "Q." and "Public"; a lone "." sticks to its left.
        for (int k = words.size() - 1; k > 0; k--) {
            if (words.get(k).equals(".")) {
                words.set(k - 1, words.get(k - 1) + ".");
                words.remove(k);
            }
        }
        return comment;
    }

    /** Skips to the next ',' (or ';' / end), for the garbage that may follow an address. */
    private void skipRest() {
        while (i < tokens.size() && !tokens.get(i).is(',') && !tokens.get(i).is(';')) {
            i++;
        }
    }

    private AddressTokens.Token peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private AddressTokens.Token peekNonComment() {
        for (int k = i; k < tokens.size(); k++) {
            if (tokens.get(k).kind() != AddressTokens.Kind.COMMENT) {
                return tokens.get(k);
            }
        }
        return null;
    }

    /** Skips comments; returns the last one, or null. */
    private String skipComments() {
        String last = null;
        while (i < tokens.size() && tokens.get(i).kind() == AddressTokens.Kind.COMMENT) {
            last = tokens.get(i++).text();
        }
        return last;
    }

    private static String missing(String value, String placeholder) {
        return value == null || value.isEmpty() ? placeholder : value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
