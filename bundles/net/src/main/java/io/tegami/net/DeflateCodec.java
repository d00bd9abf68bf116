package io.tegami.net;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;

/**
 * Raw DEFLATE (RFC 1951, no zlib or gzip wrapper) both ways, for IMAP {@code COMPRESS=DEFLATE}
 * (RFC 4978). It sits right after the TLS handler, or first without TLS, so that data is
 * compressed before it is encrypted and decrypted before it is inflated, as the RFC orders.
 *
 * <p>Output: writes go into the deflater without a flush, so that the many small writes of one
 * response burst compress as one stream; each flush ends with a sync flush (Dovecot's
 * {@code Z_SYNC_FLUSH}), after which the client can decode everything it was sent. Netty's
 * {@code JdkZlibEncoder} sync-flushes every single write instead, which is correct but compresses
 * each IMAP line on its own. Compressed output is passed on in pieces as it accumulates, where it
 * counts toward the channel's writability, so the session's back-pressure still works; a write's
 * promise completes once the flush that carries its last bytes has been written.
 *
 * <p>Input: at most {@link #BATCH} inflated octets are passed on per read. The rest of a highly
 * compressed read waits, still compressed, until the session asks for more input (autoRead is
 * off), so a few kilobytes that inflate to gigabytes cannot fill the memory. Corrupt input, or
 * data after the end of the compressed stream, closes the connection.
 */
final class DeflateCodec extends ChannelDuplexHandler {

    /** The handler's name in the pipeline. */
    static final String NAME = "compress";
    /** The most inflated octets handed on per read. */
    static final int BATCH = 64 * 1024;
    private static final int CHUNK = 16 * 1024;
    private static final byte[] NO_INPUT = new byte[0];
    private static final Logger LOG = LoggerFactory.getLogger(DeflateCodec.class);

    private final Deflater deflater;
    private final Inflater inflater = new Inflater(true);
    /** Promises of writes whose data has not left the deflater in a flush yet. */
    private final List<ChannelPromise> unflushed = new ArrayList<>();
    /** Compressed output not passed on yet, or null. */
    private ByteBuf compressed;
    /** Compressed input not inflated yet, or null. */
    private ByteBuf input;
    /** Octets went into the deflater since the last sync flush. */
    private boolean dirty;
    /** The last inflate filled its buffer: the inflater may hold more output without new input. */
    private boolean outputPending;
    private boolean ended;

    /**
     * @param level the deflate level, 0 to 9 (out-of-range values are clamped)
     */
    DeflateCodec(int level) {
        this.deflater = new Deflater(Math.max(0, Math.min(9, level)), true);
    }

    /**
     * Puts the codec in place, from a task on the event loop: output queued before by the
     * session thread runs first (same task queue), so the go-ahead still leaves uncompressed, and
     * the next read (requested after the current batch) passes through it.
     */
    static void insert(Channel channel, DeflateCodec codec) {
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                codec.end();
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(TlsHandlers.NAME) != null) {
                pipeline.addAfter(TlsHandlers.NAME, NAME, codec);
            } else {
                pipeline.addFirst(NAME, codec);
            }
        });
    }

    // ---- output ----

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf data)) {
            ctx.write(msg, promise);
            return;
        }
        try {
            if (ended) {
                promise.tryFailure(new ClosedChannelException());
                return;
            }
            dirty |= data.isReadable();
            deflater.setInput(data.nioBuffer());
            while (!deflater.needsInput()) {
                if (deflateOnce(ctx, Deflater.NO_FLUSH)) {
                    passOn(ctx, ctx.newPromise());
                }
            }
            deflater.setInput(NO_INPUT);
            unflushed.add(promise);
        } finally {
            data.release();
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!ended) {
            // SYNC_FLUSH fills whole buffers until the flush marker is out (Deflater's contract);
            // without new data there is nothing to flush (zlib would send an empty block).
            while (dirty && deflateOnce(ctx, Deflater.SYNC_FLUSH)) {
                passOn(ctx, ctx.newPromise());
            }
            dirty = false;
            if (!unflushed.isEmpty() || (compressed != null && compressed.isReadable())) {
                List<ChannelPromise> waiting = List.copyOf(unflushed);
                unflushed.clear();
                ChannelPromise done = ctx.newPromise();
                done.addListener(f -> {
                    for (ChannelPromise p : waiting) {
                        if (f.isSuccess()) {
                            p.trySuccess();
                        } else {
                            p.tryFailure(f.cause());
                        }
                    }
                });
                passOn(ctx, done);
            } else if (compressed != null) {
                compressed.release(); // nothing to send: an idle connection keeps no buffer
                compressed = null;
            }
        }
        ctx.flush();
    }

    /** Deflates into the output buffer once; true if that filled it (more may follow). */
    private boolean deflateOnce(ChannelHandlerContext ctx, int mode) {
        if (compressed == null) {
            compressed = ctx.alloc().buffer(CHUNK);
        }
        int room = compressed.writableBytes();
        int n = deflater.deflate(compressed.nioBuffer(compressed.writerIndex(), room), mode);
        compressed.writerIndex(compressed.writerIndex() + n);
        return n == room;
    }

    private void passOn(ChannelHandlerContext ctx, ChannelPromise promise) {
        ByteBuf out = compressed == null ? Unpooled.EMPTY_BUFFER : compressed;
        compressed = null;
        ctx.write(out, promise);
    }

    // ---- input ----

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf data)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (ended) {
            data.release();
            return;
        }
        if (input == null || !input.isReadable()) {
            if (input != null) {
                input.release();
            }
            input = data;
        } else {
            ByteBuf both = ctx.alloc().buffer(input.readableBytes() + data.readableBytes());
            both.writeBytes(input).writeBytes(data);
            input.release();
            data.release();
            input = both;
        }
        inflate(ctx);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!ended && (outputPending || (input != null && input.isReadable()))) {
            // What the last read left: inflated now instead of reading the socket.
            inflate(ctx);
            ctx.fireChannelReadComplete();
        } else {
            ctx.read();
        }
    }

    private void inflate(ChannelHandlerContext ctx) {
        int produced = 0;
        outputPending = false;
        try {
            boolean more = true;
            while (more && produced < BATCH) {
                inflater.setInput(input.nioBuffer());
                ByteBuf out = ctx.alloc().buffer(CHUNK);
                int n = inflater.inflate(out.nioBuffer(0, out.writableBytes()));
                input.skipBytes(input.readableBytes() - inflater.getRemaining());
                inflater.setInput(NO_INPUT); // no reference to a buffer that may be released
                if (n > 0) {
                    out.writerIndex(n);
                    produced += n;
                    ctx.fireChannelRead(out);
                } else {
                    out.release();
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw new DataFormatException("the compressed stream ended");
                }
                outputPending = n == CHUNK;
                more = outputPending || input.isReadable();
            }
        } catch (DataFormatException e) {
            LOG.info("{}: corrupt compressed input ({}); closing", ctx.channel(), e.getMessage());
            end();
            ctx.close();
        }
    }

    // ---- the end ----

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        end();
    }

    /** Frees the zlib memory (off the Java heap) and the buffers; fails writes still waiting. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        outputPending = false;
        if (compressed != null) {
            compressed.release();
            compressed = null;
        }
        if (input != null) {
            input.release();
            input = null;
        }
        for (ChannelPromise p : unflushed) {
            p.tryFailure(new ClosedChannelException());
        }
        unflushed.clear();
        deflater.end();
        inflater.end();
    }

    /** For tests: the input still compressed, in octets. */
    int pendingInput() {
        return input == null ? 0 : input.readableBytes();
    }
}
