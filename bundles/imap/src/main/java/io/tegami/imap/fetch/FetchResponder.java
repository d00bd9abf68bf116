package io.tegami.imap.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tegami.api.store.Mailbox;
import io.tegami.api.store.MessageInfo;
import io.tegami.api.store.StoreException;
import io.tegami.imap.message.MessageSource;
import io.tegami.imap.message.SectionSpec;
import io.tegami.imap.protocol.ImapDates;
import io.tegami.imap.session.ImapLog;
import io.tegami.imap.session.ImapOutput;
import io.tegami.imap.session.FlagLists;
import io.tegami.imap.session.SessionStats;

/**
 * Writes one message's {@code * n FETCH (...)} response. What can fail (reading and parsing the
 * message, finding its sections) is done before the first octet goes out, so that a message
 * expunged under us is skipped cleanly rather than leaving half a response; sections are then
 * streamed as literals, never held in memory.
 */
public final class FetchResponder {

    private static final int CHUNK = 64 * 1024;
    /** The read buffer of sections: what ImapOutput gathers without handing the array on. */
    private static final int BUFFER = 8 * 1024;
    /** Names of the values kept with the store (Mailbox.cacheValue), as Dovecot's cache fields. */
    static final String ENVELOPE_FIELD = "imap.envelope";
    static final String BODY_FIELD = "imap.body";
    static final String BODYSTRUCTURE_FIELD = "imap.bodystructure";

    private final Mailbox mailbox;
    private final FetchDataSource data;
    private final ZoneId zone;
    private final SessionStats stats;
    /** The store's values for the messages of the command, looked up together; null: one by one. */
    private final CachedValues values;
    /** The current message, opened to learn it still exists; the first reader of it takes it. */
    private InputStream preopened;
    /** The current message's position in {@link #values}. */
    private int index;
    /** Section octets pass through here, for every message of the command. */
    private byte[] buffer;

    public FetchResponder(Mailbox mailbox, FetchDataSource data, ZoneId zone, SessionStats stats) {
        this(mailbox, data, zone, stats, null);
    }

    /** @param values the store's cached values of the messages to be written, by their position there */
    public FetchResponder(Mailbox mailbox, FetchDataSource data, ZoneId zone, SessionStats stats, CachedValues values) {
        this.mailbox = mailbox;
        this.data = data;
        this.zone = zone;
        this.stats = stats;
        this.values = values;
    }

    /**
     * As {@link #write(ImapOutput, int, MessageInfo, List, boolean)}, for the message at
     * {@code index} of the {@link CachedValues} this responder was made with.
     */
    public boolean write(ImapOutput out, int seq, MessageInfo info, List<FetchItem> items, boolean withFlags, int index)
            throws StoreException {
        this.index = index;
        return write(out, seq, info, items, withFlags);
    }

    /**
     * Writes the response for {@code info} at sequence number {@code seq}.
     *
     * @param items the items in the order to answer them
     * @param withFlags also write FLAGS (\Seen was just set implicitly)
     * @return false if the message's content could not be read because it is gone (expunged
     *         meanwhile): nothing was written
     * @throws StoreException if the message cannot be read for another reason
     */
    public boolean write(ImapOutput out, int seq, MessageInfo info, List<FetchItem> items, boolean withFlags)
            throws StoreException {
        try {
            return writeMessage(out, seq, info, items, withFlags);
        } finally {
            InputStream unused = preopened;
            preopened = null;
            if (unused != null) {
                try {
                    unused.close();
                } catch (IOException e) {
                    // nothing was read from it
                }
            }
        }
    }

    private boolean writeMessage(ImapOutput out, int seq, MessageInfo info, List<FetchItem> items, boolean withFlags)
            throws StoreException {
        List<Object> parts = new ArrayList<>(items.size() + 1);
        FetchDataSource.MessageContent content = null;
        try {
            for (FetchItem item : items) {
                if (item instanceof FetchItem.Simple s) {
                    switch (s.attribute()) {
                        case UID -> parts.add("UID " + info.uid());
                        case FLAGS -> parts.add("FLAGS " + FlagLists.format(info.imapFlags()));
                        case INTERNALDATE -> parts.add("INTERNALDATE \"" + ImapDates.formatDateTime(info.internalDate(), zone) + "\"");
                        case RFC822_SIZE -> parts.add("RFC822.SIZE " + info.rfc822Size());
                        case MODSEQ -> parts.add("MODSEQ (" + info.modSeq() + ")");
                        case ENVELOPE -> {
                            byte[] v = cached(info.uid(), ENVELOPE_FIELD);
                            if (v == null) {
                                content = content(content, info);
                                v = keep(info.uid(), ENVELOPE_FIELD, content.envelope());
                            }
                            parts.add("ENVELOPE ");
                            parts.add(v);
                        }
                        case BODY -> {
                            byte[] v = cached(info.uid(), BODY_FIELD);
                            if (v == null) {
                                content = content(content, info);
                                v = keep(info.uid(), BODY_FIELD, content.bodyStructure(false));
                            }
                            parts.add("BODY ");
                            parts.add(v);
                        }
                        case BODYSTRUCTURE -> {
                            byte[] v = cached(info.uid(), BODYSTRUCTURE_FIELD);
                            if (v == null) {
                                content = content(content, info);
                                v = keep(info.uid(), BODYSTRUCTURE_FIELD, content.bodyStructure(true));
                            }
                            parts.add("BODYSTRUCTURE ");
                            parts.add(v);
                        }
                    }
                } else if (item instanceof FetchItem.Section section) {
                    if (content == null) {
                        // BODY[] is read only while writing: learn now if it is gone, by opening
                        // the message, and read that stream then (one open per message).
                        preopened = open(info.uid(), false);
                    }
                    content = content(content, info);
                    parts.add(new Pending(section, content.section(section.spec())));
                }
            }
        } catch (MessageGone e) {
            return false;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot read message " + info.uid() + ": " + e.getMessage(), e);
        }
        if (withFlags && !items.contains(new FetchItem.Simple(FetchItem.Attribute.FLAGS))) {
            parts.add("FLAGS " + FlagLists.format(info.imapFlags()));
        }
        out.raw("* " + seq + " FETCH (");
        boolean space = false;
        for (Object part : parts) {
            if (space) {
                out.raw(" ");
            }
            if (part instanceof String s) {
                out.raw(s);
                space = !s.endsWith(" ");
            } else if (part instanceof byte[] b) {
                out.raw(b);
                space = true;
            } else {
                writeSection(out, (Pending) part, info.uid());
                space = true;
            }
        }
        out.raw(")\r\n");
        return true;
    }

    private record Pending(FetchItem.Section item, FetchDataSource.SectionData data) {
    }

    private void writeSection(ImapOutput out, Pending p, long uid) {
        long length = p.data().length();
        SectionSpec spec = p.item().spec();
        boolean header = spec.text() == SectionSpec.Text.HEADER || spec.text() == SectionSpec.Text.HEADER_FIELDS
                || spec.text() == SectionSpec.Text.HEADER_FIELDS_NOT || spec.text() == SectionSpec.Text.MIME;
        if (header) {
            stats.header(length);
        } else {
            stats.body(length);
        }
        out.raw(p.item().label() + " {" + length + "}\r\n");
        long left = length;
        try (InputStream in = p.data().opener().open()) {
            if (buffer == null) {
                buffer = new byte[BUFFER];
            }
            while (left > 0) {
                // One buffer for the whole command: ImapOutput copies what it keeps.
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.raw(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            ImapLog.warn("FETCH of message {} failed after its literal was announced: {}", uid, e.toString());
        }
        // The literal was announced: fill it up so that the client stays in step.
        while (left > 0) {
            byte[] pad = new byte[(int) Math.min(CHUNK, left)];
            Arrays.fill(pad, (byte) ' ');
            out.raw(pad);
            left -= pad.length;
        }
    }

    /** The value the store keeps for {@code field} of message {@code uid}, or null. */
    private byte[] cached(long uid, String field) throws IOException {
        if (values != null) {
            return values.get(index, field);
        }
        try {
            return mailbox.cachedValue(uid, field);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                throw new MessageGone(uid);
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Offers {@code value} to the store's cache; returns it. */
    private byte[] keep(long uid, String field, byte[] value) throws IOException {
        try {
            mailbox.cacheValue(uid, field, value);
        } catch (StoreException e) {
            // keeping it is an optimization only
        }
        return value;
    }

    private FetchDataSource.MessageContent content(FetchDataSource.MessageContent current, MessageInfo info) {
        if (current != null) {
            return current;
        }
        long uid = info.uid();
        MessageSource source = MessageSource.of(() -> {
            InputStream in = preopened;
            if (in != null) {
                preopened = null;
                return in;
            }
            return open(uid, false);
        }, () -> open(uid, true));
        return data.open(source, info.rfc822Size());
    }

    private InputStream open(long uid, boolean header) throws IOException {
        try {
            return header ? mailbox.openHeader(uid) : mailbox.openMessage(uid);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) {
                throw new MessageGone(uid);
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The message was expunged by another session before its content could be read. */
    static final class MessageGone extends IOException {
        private static final long serialVersionUID = 1L;

        MessageGone(long uid) {
            super("message " + uid + " no longer exists");
        }
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
