package io.tegami.queue;

import java.util.List;

import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.AddressRewriter;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message's rewriters, applied in chain: each gets what the one before returned. A rewriter
 * that answers nonsense (null, empty, line breaks) or fails with a runtime exception is logged and
 * skipped, so a broken plugin cannot mangle headers or lose mail; a {@link RewriteException} (a
 * failed table lookup) goes to the caller, which refuses the message for now.
 */
final class Rewriting {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.queue.cleanup");

    private final List<AddressRewriter> rewriters;

    Rewriting(List<AddressRewriter> rewriters) {
        this.rewriters = List.copyOf(rewriters);
    }

    boolean isEmpty() {
        return rewriters.isEmpty();
    }

    String apply(String address, AddressClass addressClass, MessageContext message) throws RewriteException {
        String current = address;
        for (AddressRewriter rewriter : rewriters) {
            String next;
            try {
                next = rewriter.rewrite(current, addressClass, message);
            } catch (RuntimeException e) {
                LOG.warn("{}: address rewriter {} failed on <{}>: {}", message.queueId(), rewriter.getClass().getName(), current, e.toString());
                continue;
            }
            if (next == null || next.isEmpty() || next.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                LOG.warn("{}: address rewriter {} returned an unusable address for <{}>; ignored", message.queueId(),
                        rewriter.getClass().getName(), current);
                continue;
            }
            current = next;
        }
        return current;
    }
}
