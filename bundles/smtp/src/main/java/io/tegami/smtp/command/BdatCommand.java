package io.tegami.smtp.command;

import java.nio.ByteBuffer;

import io.tegami.smtp.data.DataReceiver;
import io.tegami.smtp.restriction.Gates;
import io.tegami.smtp.session.ChunkReader;
import io.tegami.smtp.session.MessageEnd;
import io.tegami.smtp.session.SessionState;
import io.tegami.smtp.session.SessionState.Bdat;
import io.tegami.smtp.session.SmtpSession;
import io.tegami.smtp.session.SmtpdLog;
import io.tegami.smtp.session.Transaction;

/**
 * {@code BDAT size [LAST]} (RFC 3030 CHUNKING, without BINARYMIME): the next {@code size} octets,
 * read raw (no dot-stuffing, no line framing), are the next piece of the message; the one marked
 * {@code LAST} ends it. Octets stream into the queue file as they arrive (Netty's buffers only).
 *
 * <p>State and replies follow Postfix's smtpd: the first chunk opens the queue file (after
 * {@code smtpd_data_restrictions}), each chunk gets {@code 250 2.0.0 Ok: N bytes} and the last
 * {@code 250 2.0.0 Ok: TOTAL bytes queued as ID}. After a failed chunk the transaction is gone and
 * chunks still in the pipeline are read and discarded ({@code 551 5.0.0 Discarded N bytes after
 * earlier error}) until the one marked LAST, as RFC 3030 section 4.2 asks; MAIL, RCPT and DATA are
 * refused while BDAT is in progress. A BDAT that cannot be parsed ends the session: the server
 * cannot know how much input to skip.
 */
public final class BdatCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "BDAT";
    }

    @Override
    public Outcome execute(SmtpSession session, String argument) {
        if (session.settings().ehloDiscards("CHUNKING")) {
            session.reply("521 5.5.1 Error: command not implemented");
            session.hangUp();
            return Outcome.FAILURE;
        }
        String[] words = argument.isEmpty() ? new String[0] : argument.split("[ \t]+");
        long size = words.length >= 1 && words.length <= 2 ? count(words[0]) : -1;
        if (size < 0 || (words.length == 2 && !words[1].equalsIgnoreCase("LAST"))) {
            SmtpdLog.warn("NOQUEUE: malformed BDAT command syntax from {}: {}", session.client().nameAndAddress(),
                    ("BDAT " + argument).replaceAll("\\p{Cntrl}", "?"));
            session.reply("521 5.5.4 Syntax: BDAT count [LAST]");
            session.hangUp();
            return Outcome.FAILURE;
        }
        boolean last = words.length == 2;
        SessionState state = session.state();
        if (state.bdat() == Bdat.DISCARDING) {
            discard(session, size, last, "551 5.0.0 Discarded " + size + " bytes after earlier error");
            return Outcome.PENDING;
        }
        String error = refusal(session, state.transaction(), size, last);
        if (error == null && state.bdat() == Bdat.NONE) {
            if (Gates.data(session)) {
                fail(session, last);
                discard(session, size, last, null); // the restriction has replied already
                return Outcome.PENDING;
            }
            DataReceiver message = MessageStart.open(session, state.transaction());
            if (message == null) {
                error = MessageStart.WRITE_ERROR;
            } else {
                state.bdatMessage(message);
                state.bdat(Bdat.RECEIVING);
            }
        }
        if (error != null) {
            fail(session, last);
            discard(session, size, last, error);
            return Outcome.PENDING;
        }
        session.beginChunk(size, new Chunk(session, state.bdatMessage(), size, last));
        return Outcome.PENDING;
    }

    /** Postfix's checks before a chunk is taken: recipients, null chunks, the size limit. */
    private static String refusal(SmtpSession session, Transaction transaction, long size, boolean last) {
        if (transaction == null) {
            return "503 5.5.1 Error: need RCPT command";
        }
        if (transaction.recipients().isEmpty()) {
            return "554 5.5.1 Error: no valid recipients";
        }
        DataReceiver message = session.state().bdatMessage();
        String id = message == null ? "NOQUEUE" : message.queueId();
        if (size == 0 && !last) {
            SmtpdLog.warn("{}: null BDAT request from {}", id, session.client().nameAndAddress());
            return "551 5.7.1 Null BDAT request";
        }
        long limit = session.settings().messageSizeLimit();
        if (limit > 0 && size > limit) {
            SmtpdLog.warn("{}: BDAT request from {} exceeds message size limit", id, session.client().nameAndAddress());
            return "552 5.3.4 Chunk exceeds message size limit";
        }
        return null;
    }

    /** A failed chunk ends the transaction; the chunks behind it are discarded until LAST. */
    private static void fail(SmtpSession session, boolean last) {
        session.state().endTransaction();
        if (!last) {
            session.state().bdat(Bdat.DISCARDING);
        }
    }

    /** Reads the chunk and drops it; then replies {@code reply} (unless null) as a failed BDAT. */
    private static void discard(SmtpSession session, long size, boolean last, String reply) {
        session.beginChunk(size, new ChunkReader() {
            @Override
            public void bytes(ByteBuffer octets) {
                octets.position(octets.limit());
            }

            @Override
            public void done() {
                if (last && session.state().bdat() == Bdat.DISCARDING) {
                    session.state().bdat(Bdat.NONE);
                }
                if (reply != null) {
                    session.reply(reply);
                }
                counted(session, false);
            }
        });
    }

    private static void counted(SmtpSession session, boolean success) {
        session.stats().record("BDAT", success);
        if (!success) {
            session.errors().countError();
        }
    }

    /** The decimal chunk size, or -1 when it is not one. */
    private static long count(String word) {
        if (word.isEmpty() || word.length() > 18 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(word);
    }

    /** A chunk that goes into the message. */
    private record Chunk(SmtpSession session, DataReceiver message, long size, boolean last) implements ChunkReader {

        @Override
        public void bytes(ByteBuffer octets) {
            message.acceptChunk(octets);
        }

        @Override
        public void done() {
            if (!last) {
                session.reply("250 2.0.0 Ok: " + size + " bytes");
                counted(session, true);
                return;
            }
            message.endChunks();
            boolean accepted = MessageEnd.finish(session, message, true).accepted();
            session.stats().record("BDAT", accepted); // MessageEnd counted the error already
        }
    }
}
