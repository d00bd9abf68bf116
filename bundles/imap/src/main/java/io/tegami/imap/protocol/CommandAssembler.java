package io.tegami.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.tegami.api.net.Line;

/**
 * Puts one command together from what the net layer delivers: line fragments (lines longer than
 * the connection's line length come in pieces), whole lines, and literals announced with
 * {@code {n}} or {@code {n+}} at the end of a line and received as counted bytes.
 *
 * <p>Everything is bounded: the command's lines (and its small literals) by the command length
 * limit, every literal by the {@link LiteralPolicy} before a byte of it is read, the literals kept
 * in memory by {@code memoryLimit} each, and there is at most one literal spooled to disk per
 * command (APPEND's message).
 */
public final class CommandAssembler {

    /** What the session does next. */
    public sealed interface Step {
    }

    /** A whole command: parse and run it. */
    public record Complete(RawCommand command) implements Step {
    }

    /** More input is needed for the command (the rest of a line, or the line after a literal). */
    public record Pending() implements Step {
    }

    /**
     * A literal follows: for a synchronizing one send {@code +} first; then ask the connection for
     * {@code size} counted bytes.
     */
    public record AwaitLiteral(long size, boolean synchronizing) implements Step {
    }

    /**
     * The command is refused before it is complete; answer {@code tag response} (tag may be null:
     * use {@code *}) and, when {@code close}, end the session because unread input of the refused
     * command would follow.
     */
    public record Refused(String tag, String response, boolean close) implements Step {
    }

    private static final Pending PENDING = new Pending();
    /** The largest literal size a client may announce at all (digits beyond this are nonsense). */
    private static final long MAX_ANNOUNCED = Long.MAX_VALUE / 4;

    private final long maxCommandLength;
    private final long memoryLimit;
    private final Supplier<Path> tempDir;
    private final LiteralPolicy policy;

    private final List<byte[]> lines = new ArrayList<>();
    private final List<Literal> literals = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private byte[] head;
    private long commandBytes;
    private boolean overflow;
    private boolean spooled;
    private LiteralBuilder literal;
    private boolean literalCounts;

    /**
     * @param maxCommandLength the longest command (lines and counted literals), in octets
     * @param memoryLimit the largest literal kept in memory
     * @param tempDir where larger literals are spooled
     */
    public CommandAssembler(long maxCommandLength, long memoryLimit, Supplier<Path> tempDir, LiteralPolicy policy) {
        this.maxCommandLength = maxCommandLength;
        this.memoryLimit = memoryLimit;
        this.tempDir = tempDir;
        this.policy = policy;
    }

    /** True while a literal is being received. */
    public boolean inLiteral() {
        return literal != null;
    }

    /** True between the first byte of a command and its end. */
    public boolean inCommand() {
        return !lines.isEmpty() || current.size() > 0 || overflow || literal != null;
    }

    /** One line, or a fragment of one. */
    public Step line(Line line) {
        byte[] bytes = line.bytes();
        if (!overflow) {
            if (head == null && lines.isEmpty()) {
                head = Arrays.copyOf(bytes, Math.min(bytes.length, 256));
            }
            if (commandBytes + current.size() + bytes.length > maxCommandLength) {
                overflow = true;
                current.reset();
            } else {
                current.writeBytes(bytes);
            }
        }
        if (line.isFragment()) {
            return PENDING;
        }
        if (overflow) {
            CommandPrefix prefix = CommandPrefix.of(lines.isEmpty() ? head : lines.get(0));
            // A non-synchronizing literal at the end of the over-long line is on its way: its bytes
            // must never be read as commands.
            boolean close = endsWithNonSyncLiteral(bytes);
            reset();
            return new Refused(prefix.tag(), "BAD Error in IMAP command received by server: Too long argument.", close);
        }
        byte[] whole = current.toByteArray();
        current.reset();
        long[] marker = literalMarker(whole);
        if (marker == null) {
            lines.add(whole);
            RawCommand command = new RawCommand(lines, literals);
            lines.clear();
            literals.clear();
            resetCounters();
            return new Complete(command);
        }
        long size = marker[0];
        boolean sync = marker[1] == 0;
        CommandPrefix prefix = CommandPrefix.of(lines.isEmpty() ? whole : lines.get(0));
        literalCounts = policy.countsTowardsLength(prefix);
        long counted = commandBytes + whole.length;
        String refusal = size < 0 ? "BAD Error in IMAP command received by server: Literal size too large."
                : policy.check(prefix, size, counted);
        if (refusal == null && literalCounts && counted + size > maxCommandLength) {
            refusal = "BAD Error in IMAP command received by server: Too long argument.";
        }
        if (refusal == null && size > memoryLimit && spooled) {
            refusal = "BAD Error in IMAP command received by server: Too many large literals.";
        }
        if (refusal != null) {
            reset();
            return new Refused(prefix.tag(), refusal, !sync);
        }
        try {
            literal = new LiteralBuilder(size, memoryLimit, tempDir.get());
        } catch (IOException e) {
            reset();
            return new Refused(prefix.tag(), "NO [SERVERBUG] Internal error occurred. Refer to server log for more information.", !sync);
        }
        spooled |= size > memoryLimit;
        lines.add(whole);
        commandBytes = counted;
        return new AwaitLiteral(size, sync);
    }

    /** A chunk of the literal being received. */
    public Step bytes(ByteBuffer chunk, boolean last) {
        if (literal == null) {
            return PENDING;
        }
        literal.append(chunk);
        if (!last) {
            return PENDING;
        }
        try {
            Literal done = literal.finish();
            literals.add(done);
            if (literalCounts && done.inMemory()) {
                commandBytes += done.size();
            }
        } catch (IOException e) {
            literal.discard();
            CommandPrefix prefix = CommandPrefix.of(lines.get(0));
            literal = null;
            reset();
            return new Refused(prefix.tag(), "NO [SERVERBUG] Internal error occurred. Refer to server log for more information.", false);
        }
        literal = null;
        return PENDING;
    }

    /** Forgets the command in progress and deletes its spooled literals (refusal, connection lost). */
    public void reset() {
        if (literal != null) {
            literal.discard();
            literal = null;
        }
        literals.forEach(Literal::close);
        literals.clear();
        lines.clear();
        current.reset();
        resetCounters();
    }

    private void resetCounters() {
        head = null;
        commandBytes = 0;
        overflow = false;
        spooled = false;
    }

    private static boolean endsWithNonSyncLiteral(byte[] line) {
        long[] marker = literalMarker(line);
        return marker != null && marker[1] == 1;
    }

    /**
     * The literal announced at the end of a line: {size, 0} for {@code {n}}, {size, 1} for
     * {@code {n+}}, size -1 when the number is absurdly large; null when there is none.
     */
    static long[] literalMarker(byte[] line) {
        int end = line.length - 1;
        if (end < 2 || line[end] != '}') {
            return null;
        }
        int i = end - 1;
        long nonSync = 0;
        if (line[i] == '+') {
            nonSync = 1;
            i--;
        }
        int digitsEnd = i;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        if (i < 0 || line[i] != '{' || i == digitsEnd) {
            return null;
        }
        if (digitsEnd - i > 18) {
            return new long[] {-1, nonSync};
        }
        long size = 0;
        for (int k = i + 1; k <= digitsEnd; k++) {
            size = size * 10 + (line[k] - '0');
        }
        return new long[] {size > MAX_ANNOUNCED ? -1 : size, nonSync};
    }
}
