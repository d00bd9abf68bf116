package io.tegami.smtp.session;

import java.nio.ByteBuffer;

/** Takes the octets of one BDAT chunk (RFC 3030), then learns that all of them have arrived. */
public interface ChunkReader {

    /** Some octets of the chunk; the buffer is only valid during the call. */
    void bytes(ByteBuffer octets);

    /** The chunk is complete: reply to the BDAT command. */
    void done();
}
