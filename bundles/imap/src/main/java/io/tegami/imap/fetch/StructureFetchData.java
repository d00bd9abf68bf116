package io.tegami.imap.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.tegami.imap.message.BodyStructureFormatter;
import io.tegami.imap.message.EnvelopeFormatter;
import io.tegami.imap.message.MessageSource;
import io.tegami.imap.message.MessageStructure;
import io.tegami.imap.message.Section;
import io.tegami.imap.message.SectionReader;
import io.tegami.imap.message.SectionSpec;

/**
 * {@link FetchDataSource} over the message package: {@link MessageStructure} parsed once per
 * message and only when needed, {@link EnvelopeFormatter}, {@link BodyStructureFormatter} and
 * {@link SectionReader}. {@code BODY[]} (with or without a partial) is streamed straight from
 * the store without parsing, since the store's stream is the CRLF message already.
 */
public final class StructureFetchData implements FetchDataSource {

    @Override
    public MessageContent open(MessageSource source, long size) {
        return new Content(source, size);
    }

    private static final class Content implements MessageContent {

        private final MessageSource source;
        private final long size;
        private MessageStructure structure;

        Content(MessageSource source, long size) {
            this.source = source;
            this.size = size;
        }

        private MessageStructure structure() throws IOException {
            if (structure == null) {
                structure = MessageStructure.parse(source);
            }
            return structure;
        }

        @Override
        public byte[] envelope() throws IOException {
            // The header alone will do, unless the whole structure is wanted anyway.
            return EnvelopeFormatter.format(structure != null ? structure.envelope() : MessageStructure.envelope(source));
        }

        @Override
        public byte[] bodyStructure(boolean extensible) throws IOException {
            return extensible ? BodyStructureFormatter.bodyStructure(structure()) : BodyStructureFormatter.body(structure());
        }

        @Override
        public SectionData section(SectionSpec spec) throws IOException {
            if (spec.part().isEmpty() && spec.text() == SectionSpec.Text.ALL) {
                return whole(spec);
            }
            Section s = SectionReader.read(source, SectionReader.needsStructure(spec) ? structure() : null, spec);
            return new SectionData(s.length(), s::open);
        }

        /** The whole message, straight from the store. */
        private SectionData whole(SectionSpec spec) {
            long start = spec.isPartial() ? spec.partialStart() : 0;
            if (start >= size || (spec.isPartial() && spec.partialCount() <= 0)) {
                return new SectionData(0, InputStream::nullInputStream);
            }
            long length = spec.isPartial() ? Math.min(spec.partialCount(), size - start) : size;
            return new SectionData(length, () -> {
                InputStream in = source.open();
                try {
                    in.skipNBytes(start);
                } catch (IOException e) {
                    in.close();
                    throw e;
                }
                return new NulMapping(in);
            });
        }
    }

    /** IMAP literals may not carry NUL: sent as 0x80, as Dovecot and the section reader do. */
    private static final class NulMapping extends FilterInputStream {

        NulMapping(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            return b == 0 ? 0x80 : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            for (int i = off; i < off + Math.max(r, 0); i++) {
                if (b[i] == 0) {
                    b[i] = (byte) 0x80;
                }
            }
            return r;
        }
    }
}
