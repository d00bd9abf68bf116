package io.tegami.api.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * An RFC 5321 mailbox: {@code local-part@domain}, or the null reverse-path {@code <>}.
 *
 * <p>The local part keeps its case (RFC 5321 says it may be case sensitive); the domain is
 * compared without case and is stored in lower case. A local part may be quoted on the wire
 * ({@code "john doe"@example.org}); this type stores it unquoted and {@link #toString()} quotes
 * it again when needed.
 */
public final class MailAddress {

    /** The null reverse-path {@code <>} of bounces and other notifications. */
    public static final MailAddress NULL_SENDER = new MailAddress("", "");

    private final String localPart;
    private final String domain;

    private MailAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /**
     * An address from its parts.
     *
     * @param localPart the unquoted local part, not empty
     * @param domain the domain (or an address literal such as {@code [127.0.0.1]}), not empty
     */
    public static MailAddress of(String localPart, String domain) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
        if (localPart.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException("local part and domain must not be empty");
        }
        return new MailAddress(localPart, domain.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses {@code local@domain} (no angle brackets, no quoting), splitting at the last {@code @};
     * the empty string gives {@link #NULL_SENDER}.
     *
     * @throws IllegalArgumentException if there is no {@code @} or either part is empty
     */
    public static MailAddress parse(String address) {
        Objects.requireNonNull(address, "address");
        if (address.isEmpty() || address.equals("<>")) {
            return NULL_SENDER;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return of(address.substring(0, at), address.substring(at + 1));
    }

    /** The unquoted local part; empty only for {@link #NULL_SENDER}. */
    public String localPart() {
        return localPart;
    }

    /** The domain in lower case; empty only for {@link #NULL_SENDER}. */
    public String domain() {
        return domain;
    }

    /** True for the null reverse-path {@code <>}. */
    public boolean isNullSender() {
        return localPart.isEmpty();
    }

    /** The address as written in an SMTP command, without angle brackets; empty for {@code <>}. */
    @Override
    public String toString() {
        if (isNullSender()) {
            return "";
        }
        return (needsQuoting(localPart) ? quote(localPart) : localPart) + "@" + domain;
    }

    private static boolean needsQuoting(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return true;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0 || c >= 0x80;
            if (!atext) {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAddress other && localPart.equals(other.localPart) && domain.equals(other.domain);
    }

    @Override
    public int hashCode() {
        return localPart.hashCode() * 31 + domain.hashCode();
    }
}
