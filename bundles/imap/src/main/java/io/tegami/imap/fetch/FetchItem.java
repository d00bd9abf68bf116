package io.tegami.imap.fetch;

import java.util.Objects;

import io.tegami.imap.message.SectionSpec;

/** One data item a FETCH asks for (RFC 3501 6.4.5, RFC 7162 MODSEQ). */
public sealed interface FetchItem {

    /** Items answered from what the store knows, or from the message's structure. */
    enum Attribute {
        UID, FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE, MODSEQ;

        /** The name in responses. */
        public String label() {
            return this == RFC822_SIZE ? "RFC822.SIZE" : name();
        }
    }

    /** A plain attribute. */
    record Simple(Attribute attribute) implements FetchItem {
        public Simple {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /**
     * Message content: {@code BODY[section]<partial>}, {@code BODY.PEEK[...]}, {@code RFC822},
     * {@code RFC822.HEADER} and {@code RFC822.TEXT}.
     *
     * @param spec what to return
     * @param peek true when {@code \Seen} is not set by fetching it
     * @param label the item name in the response ({@code BODY[HEADER]<0>}, {@code RFC822.TEXT})
     */
    record Section(SectionSpec spec, boolean peek, String label) implements FetchItem {
        public Section {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(label, "label");
        }
    }
}
