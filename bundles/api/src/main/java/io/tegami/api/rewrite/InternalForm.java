package io.tegami.api.rewrite;

/**
 * Postfix's two spellings of an address. The internal form has the local part unquoted
 * ({@code john doe@example.org}) and is what {@link AddressRewriter}s see; the external form
 * quotes the local part where RFC 5322 requires it ({@code "john doe"@example.org}) and is what
 * appears in message headers and in canonical(5) table keys and results. An address splits into
 * local part and domain at its last {@code @}; an incomplete address has no domain.
 */
public final class InternalForm {

    /** RFC 5322 specials, space and DEL: a local part holding one of these must be quoted. */
    private static final String SPECIALS = "()<>@,;:\\\".[] \u007f";

    private InternalForm() {
    }

    /** The local part of an internal address: everything before the last {@code @}, or all of it. */
    public static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The domain of an internal address, or the empty string when it has none. */
    public static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    /** True when the address has a domain part ({@code local@domain}). */
    public static boolean isComplete(String address) {
        int at = address.lastIndexOf('@');
        return at >= 0 && at < address.length() - 1;
    }

    /** The external form: the local part quoted when it is not a dot-atom, as quote_822_local does. */
    public static String externalize(String address) {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        String rest = at < 0 ? "" : address.substring(at);
        return (needsQuoting(local) ? quote(local) : local) + rest;
    }

    /**
     * The internal form of an external address: quoted strings in the local part lose their
     * quotes and backslash escapes. The domain is the text after the last {@code @} outside quotes.
     */
    public static String internalize(String external) {
        StringBuilder local = new StringBuilder(external.length());
        boolean quoted = false;
        int i = 0;
        for (; i < external.length(); i++) {
            char c = external.charAt(i);
            if (quoted && c == '\\' && i + 1 < external.length()) {
                local.append(external.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted && external.indexOf('@', i + 1) < 0) {
                break;
            } else {
                local.append(c);
            }
        }
        return i < external.length() ? local + external.substring(i) : local.toString();
    }

    private static boolean needsQuoting(String local) {
        if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return true;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c < ' ' || (SPECIALS.indexOf(c) >= 0 && c != '.')) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String local) {
        StringBuilder sb = new StringBuilder(local.length() + 2).append('"');
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
