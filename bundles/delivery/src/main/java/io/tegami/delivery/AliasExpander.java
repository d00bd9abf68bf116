package io.tegami.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tegami.api.address.Destination;
import io.tegami.api.config.MailParameters;
import io.tegami.api.delivery.DeliveryResult;
import io.tegami.api.mail.MailAddress;

/**
 * local(8)'s alias expansion: a local recipient is looked up in the aliases (its full local part,
 * then without its {@code recipient_delimiter} extension), and each value is delivered: local
 * addresses are expanded again, remote ones forwarded, {@code &#92;user} goes to that mailbox,
 * commands and files are allowed as {@code allow_mail_to_commands} and
 * {@code allow_mail_to_files} say for the alias file ({@code alias}) and for {@code :include:}
 * files ({@code include}). A list with an {@code owner-list} alias is sent on with that owner as
 * its envelope sender ({@code owner_request_special}, {@code expand_owner_alias}). A name met
 * again on its own expansion path is a loop: the alias naming itself means its mailbox
 * ({@code bob: bob, bob@elsewhere}); a longer cycle bounces as "mail forwarding loop".
 */
final class AliasExpander {

    /** Deeper than this is a loop Postfix would also have stopped. */
    static final int MAX_DEPTH = 30;

    private final MailParameters parameters;
    private final Function<MailAddress, Optional<List<Destination>>> aliases;
    private final Predicate<String> localDomain;

    /**
     * @param aliases the resolvers' answer for an address (empty: no alias)
     * @param localDomain whether a domain is delivered here (mydestination)
     */
    AliasExpander(MailParameters parameters, Function<MailAddress, Optional<List<Destination>>> aliases,
            Predicate<String> localDomain) {
        this.parameters = parameters;
        this.aliases = aliases;
        this.localDomain = localDomain;
    }

    Expansion expand(MailAddress recipient, MailAddress sender) {
        Set<Target> targets = new LinkedHashSet<>();
        List<DeliveryResult> failures = new ArrayList<>();
        expand(recipient, sender, new HashSet<>(), targets, failures, 0);
        return new Expansion(new ArrayList<>(targets), failures);
    }

    private void expand(MailAddress address, MailAddress sender, Set<String> path, Set<Target> out,
            List<DeliveryResult> failures, int depth) {
        String local = address.localPart().toLowerCase(Locale.ROOT);
        String delimiters = parameters.get("recipient_delimiter", "");
        String base = LocalUserNames.userName(local, splittable(local, delimiters) ? delimiters : "");
        if (path.contains(local) || path.contains(base)) {
            if (path.size() == 1 || depth > 0 && lastWas(path, local, base)) {
                out.add(new Target(Target.Kind.MAILBOX, base, address, sender));
            } else {
                failures.add(DeliveryResult.bounced("5.4.6", LocalDeliveryAgent.RELAY, "mail forwarding loop for " + address));
            }
            return;
        }
        if (depth > MAX_DEPTH) {
            failures.add(DeliveryResult.bounced("5.4.6", LocalDeliveryAgent.RELAY, "mail forwarding loop for " + address));
            return;
        }
        String name = local;
        Optional<List<Destination>> found = aliases.apply(address);
        if (found.isEmpty() && !base.equals(local)) {
            name = base;
            found = aliases.apply(MailAddress.of(base, address.domain()));
        }
        if (found.isEmpty()) {
            out.add(new Target(Target.Kind.MAILBOX, base, address, sender));
            return;
        }
        Set<String> next = new java.util.LinkedHashSet<>(path);
        next.add(name);
        MailAddress listSender = owner(name, address.domain()).orElse(sender);
        for (Destination d : found.get()) {
            deliverTo(d, address, listSender, "alias", next, out, failures, depth);
        }
    }

    /** The alias that just expanded names itself ({@code bob: bob}): its mailbox is meant. */
    private static boolean lastWas(Set<String> path, String local, String base) {
        String last = null;
        for (String p : path) {
            last = p;
        }
        return local.equals(last) || base.equals(last);
    }

    private void deliverTo(Destination d, MailAddress alias, MailAddress sender, String origin, Set<String> path,
            Set<Target> out, List<DeliveryResult> failures, int depth) {
        if (d instanceof Destination.Address a) {
            if (localDomain.test(a.address().domain())) {
                expand(a.address(), sender, path, out, failures, depth + 1);
            } else {
                out.add(new Target(Target.Kind.FORWARD, a.address().toString(), a.address(), sender));
            }
        } else if (d instanceof Destination.Mailbox m) {
            out.add(new Target(Target.Kind.MAILBOX, m.user(), MailAddress.of(m.user(), alias.domain()), sender));
        } else if (d instanceof Destination.Command c) {
            if (allowed("allow_mail_to_commands", origin)) {
                out.add(new Target(Target.Kind.COMMAND, c.command(), alias, sender));
            } else {
                failures.add(DeliveryResult.bounced("5.7.1", LocalDeliveryAgent.RELAY,
                        "mail to command is restricted (" + origin + "): \"" + c.command() + "\""));
            }
        } else if (d instanceof Destination.File f) {
            if (allowed("allow_mail_to_files", origin)) {
                out.add(new Target(Target.Kind.FILE, f.path().toString(), alias, sender));
            } else {
                failures.add(DeliveryResult.bounced("5.7.1", LocalDeliveryAgent.RELAY,
                        "mail to file is restricted (" + origin + "): " + f.path()));
            }
        } else if (d instanceof Destination.Include i) {
            for (Destination member : i.members()) {
                deliverTo(member, alias, sender, "include", path, out, failures, depth);
            }
        }
    }

    private boolean allowed(String parameter, String origin) {
        // Postfix's default for both is "alias, forward"
        for (String word : parameters.get(parameter, "alias, forward").split("[,\\s]+")) {
            if (word.equalsIgnoreCase(origin)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The envelope sender for a list with an {@code owner-list} alias: {@code owner-list@domain},
     * or with {@code expand_owner_alias = yes} the owner alias's single address.
     */
    private Optional<MailAddress> owner(String list, String domain) {
        if (!parameters.getBoolean("owner_request_special", true) || list.startsWith("owner-")) {
            return Optional.empty();
        }
        MailAddress owner = MailAddress.of("owner-" + list, domain);
        Optional<List<Destination>> found = aliases.apply(owner);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (parameters.getBoolean("expand_owner_alias", false) && found.get().size() == 1
                && found.get().get(0) instanceof Destination.Address a) {
            return Optional.of(a.address());
        }
        return Optional.of(owner);
    }

    /**
     * With {@code owner_request_special} and a {@code -} delimiter, {@code owner-list} and
     * {@code list-request} are names of their own, never an extension of {@code owner}/{@code list}.
     */
    private boolean splittable(String local, String delimiters) {
        if (!delimiters.contains("-") || !parameters.getBoolean("owner_request_special", true)) {
            return true;
        }
        return !local.startsWith("owner-") && !local.endsWith("-request");
    }
}
