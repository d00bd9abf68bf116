package io.tegami.api.store;

/**
 * A message was refused because the user's quota is full: a {@link StoreException} with reason
 * {@link StoreException.Reason#NO_SPACE} whose message is the text to show
 * ({@code quota_exceeded_message}, Dovecot's {@code Quota exceeded (mailbox for user is full)}).
 * A delivery agent tells it from a full disk, which is always a temporary failure, by its type:
 * for a full quota Dovecot's {@code quota_full_tempfail} decides between deferring
 * ({@code 4.2.2}) and bouncing ({@code 5.2.2}).
 *
 * @since 2.2
 */
public class QuotaException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Dovecot's default {@code quota_exceeded_message}. */
    public static final String DEFAULT_MESSAGE = "Quota exceeded (mailbox for user is full)";

    /** @param message the text for the client or the bounce */
    public QuotaException(String message) {
        super(Reason.NO_SPACE, message);
    }
}
