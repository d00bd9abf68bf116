package io.tegami.imap.fetch;

import java.io.IOException;
import java.io.InputStream;

import io.tegami.imap.message.MessageSource;
import io.tegami.imap.message.SectionSpec;

/**
 * Turns a stored message into what FETCH sends: envelope, body structure and sections. The FETCH
 * plumbing depends on this interface only; {@link StructureFetchData} implements it with the
 * message package's MIME parser.
 */
public interface FetchDataSource {

    /**
     * Prepares one message; it is parsed at most once, on first need.
     *
     * @param source opens the message (CRLF line endings, exactly {@code size} octets)
     * @param size the message's RFC822.SIZE
     */
    MessageContent open(MessageSource source, long size);

    /** One message's FETCH data. */
    interface MessageContent {

        /** The parenthesized ENVELOPE. */
        byte[] envelope() throws IOException;

        /** The parenthesized BODYSTRUCTURE ({@code extensible}) or BODY. */
        byte[] bodyStructure(boolean extensible) throws IOException;

        /** A section's octets with its partial applied; a part that does not exist is empty. */
        SectionData section(SectionSpec spec) throws IOException;
    }

    /** Opens a section's octets. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * A section: {@code length} octets that {@code opener} streams (the caller closes the stream).
     * Whether it is a header section (for the {@code hdr_count} statistics) is the caller's guess
     * from the spec.
     */
    record SectionData(long length, Opener opener) {
    }
}
