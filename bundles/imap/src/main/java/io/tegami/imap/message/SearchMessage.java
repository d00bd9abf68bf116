package io.tegami.imap.message;

import io.tegami.api.store.MessageInfo;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One message as SEARCH sees it: its sequence number, what the store knows without reading it,
 * and, only when a key needs them, its header fields and structure, read once and kept.
 */
public final class SearchMessage {

    private final long sequence;
    private final MessageInfo info;
    private final MessageSource source;
    private MessageStructure structure;
    private List<HeaderField> headers;

    /**
     * @param sequence the message sequence number in the session
     * @param info the store's record of the message
     * @param source opens the message, for keys on its content
     * @param structure the parsed structure if the caller has it cached, or null
     */
    public SearchMessage(long sequence, MessageInfo info, MessageSource source, MessageStructure structure) {
        this.sequence = sequence;
        this.info = Objects.requireNonNull(info, "info");
        this.source = Objects.requireNonNull(source, "source");
        this.structure = structure;
    }

    public SearchMessage(long sequence, MessageInfo info, MessageSource source) {
        this(sequence, info, source, null);
    }

    public long sequence() {
        return sequence;
    }

    public MessageInfo info() {
        return info;
    }

    public MessageSource source() {
        return source;
    }

    /** The message's own header fields, read on first use. */
    public List<HeaderField> headers() throws IOException {
        if (headers == null) {
            headers = HeaderReader.read(source);
        }
        return headers;
    }

    /** The parsed structure, parsed on first use. */
    public MessageStructure structure() throws IOException {
        if (structure == null) {
            structure = MessageStructure.parse(source);
        }
        return structure;
    }
}
