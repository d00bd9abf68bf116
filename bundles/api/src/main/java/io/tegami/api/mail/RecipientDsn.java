package io.tegami.api.mail;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The delivery status notification parameters of one recipient (RFC 3461 section 4): when its
 * sender wants to hear about it ({@code NOTIFY=}) and the address the recipient had when it was
 * first submitted ({@code ORCPT=}).
 *
 * <p>An empty {@link #notifyOn()} set means the client did not say: the sender is told of failures
 * and delays, as Postfix treats a recipient without {@code NOTIFY}. {@code NOTIFY=NEVER} is the
 * set holding only {@link Notify#NEVER}.
 *
 * @param notifyOn the {@code NOTIFY} keywords; empty when not given
 * @param orcpt the original recipient as {@code addr-type;address}, the address xtext-decoded
 *        ({@code rfc822;bob@example.org}), or {@code null}; what a DSN reports as
 *        {@code Original-Recipient} and what a relay passes on as {@code ORCPT=}
 * @since 1.1
 */
public record RecipientDsn(Set<RecipientDsn.Notify> notifyOn, String orcpt) {

    /** RFC 3461 {@code NOTIFY} keywords. */
    public enum Notify {
        /** Tell the sender of a successful delivery (or relay to a peer without DSN). */
        SUCCESS,
        /** Tell the sender when delivery failed. */
        FAILURE,
        /** Tell the sender when delivery is delayed. */
        DELAY,
        /** Never tell the sender anything; only alone. */
        NEVER
    }

    /** No DSN parameters: failures and delays are reported, no original recipient is known. */
    public static final RecipientDsn NONE = new RecipientDsn(Set.of(), null);

    public RecipientDsn {
        notifyOn = notifyOn == null || notifyOn.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(notifyOn));
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined with other keywords");
        }
    }

    /** True if the sender asked (or, without {@code NOTIFY}, is assumed) to hear of {@code event}. */
    public boolean wants(Notify event) {
        if (notifyOn.isEmpty()) {
            return event == Notify.FAILURE || event == Notify.DELAY;
        }
        return notifyOn.contains(event);
    }

    /** The {@code NOTIFY} value as written in a RCPT command ({@code SUCCESS,FAILURE}); null when not given. */
    public String notifyText() {
        if (notifyOn.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Notify n : notifyOn) {
            sb.append(sb.length() == 0 ? "" : ",").append(n.name());
        }
        return sb.toString();
    }

    /** The address type of {@link #orcpt()} in lower case ({@code rfc822}, {@code utf-8}), or null. */
    public String orcptType() {
        int semi = orcpt == null ? -1 : orcpt.indexOf(';');
        return semi < 0 ? null : orcpt.substring(0, semi).toLowerCase(Locale.ROOT);
    }

    /** The address part of {@link #orcpt()}, decoded, or null. */
    public String orcptAddress() {
        int semi = orcpt == null ? -1 : orcpt.indexOf(';');
        return semi < 0 ? null : orcpt.substring(semi + 1);
    }
}
