package io.tegami.imap.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a THREAD result: a message, or a dummy that only holds children together (RFC 5256
 * REFERENCES creates those for missing parents and for merged subjects).
 */
public final class ThreadNode {

    final MessageDescriptor message;
    final List<ThreadNode> children = new ArrayList<>();
    ThreadNode parent;

    ThreadNode(MessageDescriptor message) {
        this.message = message;
    }

    /** The message, or null for a dummy. */
    public MessageDescriptor message() {
        return message;
    }

    /** True for a dummy node. */
    public boolean isDummy() {
        return message == null;
    }

    /** The children, in thread order. */
    public List<ThreadNode> children() {
        return List.copyOf(children);
    }

    void add(ThreadNode child) {
        child.parent = this;
        children.add(child);
    }

    void detach() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    boolean isAncestorOf(ThreadNode n) {
        for (ThreadNode p = n; p != null; p = p.parent) {
            if (p == this) {
                return true;
            }
        }
        return false;
    }
}
