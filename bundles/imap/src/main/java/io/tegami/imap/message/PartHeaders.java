package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of one part that BODYSTRUCTURE, ENVELOPE and threading need, gathered while
 * the header streams past; everything else in the header is skipped, not kept.
 */
final class PartHeaders implements HeaderFieldCollector.Sink {

    private static final int MAX_JOINED = 256 * 1024;

    private final boolean message;
    private String contentType;
    private boolean mimeVersion;
    private String encoding;
    private String id;
    private String description;
    private String md5;
    private String disposition;
    private String language;
    private String location;
    private String date;
    private String subject;
    private String from;
    private String sender;
    private String replyTo;
    private String to;
    private String cc;
    private String bcc;
    private String inReplyTo;
    private String messageId;
    private String references;

    /** @param message whether the part is a message, whose envelope fields are wanted too */
    PartHeaders(boolean message) {
        this.message = message;
    }

    @Override
    public void field(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        // Content-* fields: the first one counts (Dovecot); envelope fields: see Envelope.
        switch (n) {
            case "content-type" -> contentType = first(contentType, value);
            case "mime-version" -> mimeVersion = true;
            case "content-transfer-encoding" -> encoding = first(encoding, value);
            case "content-id" -> id = first(id, value);
            case "content-description" -> description = first(description, value);
            case "content-md5" -> md5 = first(md5, value);
            case "content-disposition" -> disposition = first(disposition, value);
            case "content-language" -> language = first(language, value);
            case "content-location" -> location = first(location, value);
            default -> {
                if (message) {
                    envelopeField(n, HeaderText.unfold(value));
                }
            }
        }
    }

    private void envelopeField(String n, String v) {
        switch (n) {
            case "date" -> date = v;
            case "subject" -> subject = v;
            case "from" -> from = join(from, v);
            case "sender" -> sender = join(sender, v);
            case "reply-to" -> replyTo = join(replyTo, v);
            case "to" -> to = join(to, v);
            case "cc" -> cc = join(cc, v);
            case "bcc" -> bcc = join(bcc, v);
            case "in-reply-to" -> inReplyTo = v;
            case "message-id" -> messageId = v;
            case "references" -> references = v;
            default -> {
            }
        }
    }

    private static String first(String old, String value) {
        return old != null ? old : value;
    }

    /**
     * Repeated address fields add up, to a bound, as in Dovecot. They are joined with LF, which
     * no unfolded value contains, so that {@link AddressParser} parses each on its own (an
     * unterminated quote in one must not swallow the next).
     */
    private static String join(String old, String value) {
        if (old == null) {
            return value;
        }
        return old.length() + value.length() > MAX_JOINED ? old : old + "\n" + value;
    }

    /** Whether the header had a Content-Type field with multipart or message/rfc822 syntax to honour. */
    boolean hasContentType() {
        return contentType != null;
    }

    /**
     * Fills in the part's MIME fields.
     *
     * @param inMultipart the part is a body part of a multipart, so MIME even without MIME-Version
     * @param inDigest the part is a body part of a multipart/digest (default type message/rfc822)
     */
    void applyTo(MessagePart p, boolean inMultipart, boolean inDigest) {
        // Like Dovecot (and not strictly RFC 2045), a Content-Type alone makes the part MIME.
        boolean mime = inMultipart || mimeVersion || contentType != null;
        boolean typed = false;
        if (mime && contentType != null) {
            FieldTokenizer t = new FieldTokenizer(contentType);
            String type = t.token();
            if (!type.isEmpty() && t.consume('/')) {
                String subtype = t.token();
                // Anything but parameters after the subtype makes the field invalid (as for Dovecot).
                if (!subtype.isEmpty() && (t.atEnd() || t.peek(';'))) {
                    p.type = type;
                    p.subtype = subtype;
                    p.params = MimeParams.parse(t);
                    typed = true;
                }
            }
        }
        if (!typed) {
            // RFC 2045 5.2: no or invalid Content-Type is text/plain; charset=us-ascii
            // (RFC 2046 5.1.5: message/rfc822 inside a digest).
            p.type = inDigest && contentType == null ? "message" : "text";
            p.subtype = inDigest && contentType == null ? "rfc822" : "plain";
            p.params = List.of();
        }
        if (p.isText() && p.param("charset") == null) {
            List<MimeParam> withCharset = new ArrayList<>(p.params);
            withCharset.add(new MimeParam("charset", "us-ascii"));
            p.params = List.copyOf(withCharset);
        }
        if (mime) {
            if (encoding != null) {
                // One token and nothing else but comments, or it is no encoding (Dovecot).
                FieldTokenizer t = new FieldTokenizer(encoding);
                String e = t.token();
                p.encoding = e.isEmpty() || !t.atEnd() ? null : e;
            }
            p.id = HeaderText.clean(id);
            p.description = HeaderText.clean(description);
            p.md5 = HeaderText.clean(md5);
            p.location = HeaderText.clean(location);
            if (disposition != null) {
                FieldTokenizer t = new FieldTokenizer(disposition);
                String d = t.token();
                if (!d.isEmpty()) {
                    p.disposition = d;
                    p.dispositionParams = MimeParams.parse(t);
                }
            }
            if (language != null) {
                p.languages = languages(language);
            }
        }
        if (message) {
            p.envelope = new Envelope(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId);
            p.references = references;
        }
    }

    private static List<String> languages(String value) {
        List<String> out = new ArrayList<>();
        FieldTokenizer t = new FieldTokenizer(value);
        while (out.size() < 100) {
            String tag = t.token();
            if (!tag.isEmpty()) {
                out.add(tag);
            }
            if (!t.consume(',')) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
