package io.tegami.imap.message;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes FETCH BODY and BODYSTRUCTURE (RFC 3501 7.4.2) for a parsed part, with Dovecot's
 * choices: every extension field written (NIL when absent); a multipart without parts shows one
 * empty text/plain part, since the grammar needs one; line counts for text/* and message/rfc822.
 */
public final class BodyStructureFormatter {

    private static final String EMPTY_TEXT = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0";

    private BodyStructureFormatter() {
    }

    /** FETCH BODYSTRUCTURE of the message. */
    public static byte[] bodyStructure(MessageStructure message) {
        return format(message.root(), true);
    }

    /** FETCH BODY (no extension data) of the message. */
    public static byte[] body(MessageStructure message) {
        return format(message.root(), false);
    }

    /** The structure of one part, with or without extension data. */
    public static byte[] format(MessagePart part, boolean extended) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, part, extended);
        return out.toByteArray();
    }

    /** Writes the structure of one part. */
    public static void write(ByteArrayOutputStream out, MessagePart p, boolean extended) {
        out.write('(');
        if (p.isMultipart()) {
            if (p.children().isEmpty()) {
                ImapString.ascii(out, EMPTY_TEXT + (extended ? " NIL NIL NIL NIL)" : ")"));
            }
            for (MessagePart child : p.children()) {
                write(out, child, extended);
            }
            out.write(' ');
            ImapString.string(out, p.subtype());
            if (extended) {
                out.write(' ');
                params(out, p.params());
                dispositionLanguageLocation(out, p);
            }
        } else {
            ImapString.string(out, p.type());
            out.write(' ');
            ImapString.string(out, p.subtype());
            out.write(' ');
            params(out, p.params());
            out.write(' ');
            ImapString.nstring(out, p.id());
            out.write(' ');
            ImapString.nstring(out, p.description());
            out.write(' ');
            ImapString.string(out, p.encoding());
            ImapString.ascii(out, " " + p.bodySize());
            MessagePart inner = p.message();
            if (inner != null) {
                out.write(' ');
                EnvelopeFormatter.write(out, inner.envelope() == null ? Envelope.EMPTY : inner.envelope());
                out.write(' ');
                write(out, inner, extended);
                ImapString.ascii(out, " " + p.bodyLines());
            } else if (p.isText()) {
                ImapString.ascii(out, " " + p.bodyLines());
            }
            if (extended) {
                out.write(' ');
                ImapString.nstring(out, p.md5());
                dispositionLanguageLocation(out, p);
            }
        }
        out.write(')');
    }

    private static void dispositionLanguageLocation(ByteArrayOutputStream out, MessagePart p) {
        out.write(' ');
        if (p.disposition() == null) {
            ImapString.ascii(out, "NIL");
        } else {
            out.write('(');
            ImapString.string(out, p.disposition());
            out.write(' ');
            params(out, p.dispositionParams());
            out.write(')');
        }
        out.write(' ');
        List<String> langs = p.languages();
        if (langs.isEmpty()) {
            ImapString.ascii(out, "NIL");
        } else {
            out.write('(');
            for (int i = 0; i < langs.size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                ImapString.string(out, langs.get(i));
            }
            out.write(')');
        }
        out.write(' ');
        ImapString.nstring(out, p.location());
    }

    private static void params(ByteArrayOutputStream out, List<MimeParam> params) {
        if (params.isEmpty()) {
            ImapString.ascii(out, "NIL");
            return;
        }
        out.write('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            ImapString.string(out, params.get(i).name());
            out.write(' ');
            ImapString.string(out, params.get(i).value());
        }
        out.write(')');
    }
}
