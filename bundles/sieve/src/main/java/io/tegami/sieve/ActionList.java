package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The actions of one run with RFC 5228 section 2.10.3's rules: duplicates collapse (two stores
 * into one folder, two redirects to one address), {@code reject} conflicts with delivering
 * actions, and the {@code sieve_max_actions}/{@code sieve_max_redirects} limits hold.
 */
final class ActionList {

    private final SieveLimits limits;
    private final List<SieveAction> actions = new ArrayList<>();
    private boolean implicitKeepCancelled;
    private int redirects;

    ActionList(SieveLimits limits) {
        this.limits = limits;
    }

    void add(SieveAction action) throws SieveRuntimeException {
        for (int i = 0; i < actions.size(); i++) {
            SieveAction old = actions.get(i);
            if (old instanceof SieveAction.Store a && action instanceof SieveAction.Store b
                    && a.folder().equals(b.folder())) {
                Set<String> flags = new LinkedHashSet<>(a.flags());
                flags.addAll(b.flags());
                actions.set(i, new SieveAction.Store(a.folder(), List.copyOf(flags), a.create() || b.create(),
                        a.copy() && b.copy()));
                implicitKeepCancelled |= b.cancelsImplicitKeep();
                return;
            }
            if ((old instanceof SieveAction.Redirect a && action instanceof SieveAction.Redirect b
                    && sameAddress(a.address(), b.address()))
                    || (old instanceof SieveAction.Discard && action instanceof SieveAction.Discard)) {
                implicitKeepCancelled |= action.cancelsImplicitKeep();
                return;
            }
            if (conflicts(old, action) || conflicts(action, old)) {
                SieveAction other = action instanceof SieveAction.Reject ? old : action;
                throw new SieveRuntimeException("reject/ereject action conflicts with other action: the "
                        + name(other) + " action tries to deliver the message");
            }
            if (old instanceof SieveAction.Reject && action instanceof SieveAction.Reject) {
                throw new SieveRuntimeException("duplicate reject/ereject action not allowed");
            }
        }
        if (limits.maxActions() > 0 && actions.size() >= limits.maxActions()) {
            throw new SieveRuntimeException("total number of actions exceeds policy limit ("
                    + (actions.size() + 1) + " > " + limits.maxActions() + ")");
        }
        if (action instanceof SieveAction.Redirect && ++redirects > limits.maxRedirects()) {
            throw new SieveRuntimeException("number of redirect actions exceeds policy limit ("
                    + redirects + " > " + limits.maxRedirects() + ")");
        }
        actions.add(action);
        implicitKeepCancelled |= action.cancelsImplicitKeep();
    }

    /** The same mailbox: local parts compare exactly (RFC 5321 section 2.4), domains without case. */
    private static boolean sameAddress(String a, String b) {
        int i = a.lastIndexOf('@');
        int j = b.lastIndexOf('@');
        return i == j && a.regionMatches(0, b, 0, i) && a.substring(i + 1).equalsIgnoreCase(b.substring(j + 1));
    }

    /** reject/ereject cannot be combined with delivering actions (RFC 5429 section 2.1). */
    private static boolean conflicts(SieveAction reject, SieveAction other) {
        return reject instanceof SieveAction.Reject
                && (other instanceof SieveAction.Store || other instanceof SieveAction.Redirect
                        || other instanceof SieveAction.Vacation);
    }

    private static String name(SieveAction a) {
        if (a instanceof SieveAction.Store) {
            return "store";
        }
        if (a instanceof SieveAction.Redirect) {
            return "redirect";
        }
        return a instanceof SieveAction.Vacation ? "vacation" : a.getClass().getSimpleName().toLowerCase();
    }

    List<SieveAction> actions() {
        return List.copyOf(actions);
    }

    boolean implicitKeepCancelled() {
        return implicitKeepCancelled;
    }
}
