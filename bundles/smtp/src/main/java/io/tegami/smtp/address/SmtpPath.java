package io.tegami.smtp.address;

import java.util.Objects;

import io.tegami.api.mail.MailAddress;

/**
 * A reverse-path or forward-path as the client wrote it, after source routes and quoting were
 * removed: Postfix's "internal form". The domain may be missing (an unqualified {@code root}) and
 * is kept in the client's spelling, so that replies quote the address as it was sent.
 *
 * @param localPart the unquoted local part; empty only for the null path {@code <>}
 * @param domain the domain or address literal as written, or {@code null} when unqualified
 */
public record SmtpPath(String localPart, String domain) {

    /** The null reverse-path {@code <>}. */
    public static final SmtpPath NULL = new SmtpPath("", null);

    public SmtpPath {
        Objects.requireNonNull(localPart, "localPart");
    }

    /** True for {@code <>}. */
    public boolean isNull() {
        return localPart.isEmpty();
    }

    /** True when the client gave a domain. */
    public boolean isQualified() {
        return domain != null;
    }

    /**
     * The mail address, with {@code defaultDomain} ({@code $myorigin}) appended when the client
     * sent none, as Postfix's trivial-rewrite does.
     */
    public MailAddress toAddress(String defaultDomain) {
        if (isNull()) {
            return MailAddress.NULL_SENDER;
        }
        return MailAddress.of(localPart, domain != null ? domain : defaultDomain);
    }

    /** The address for replies and log lines ({@code bob@localhost}, {@code bob}); empty for {@code <>}. */
    @Override
    public String toString() {
        return domain == null ? localPart : localPart + "@" + domain;
    }
}
