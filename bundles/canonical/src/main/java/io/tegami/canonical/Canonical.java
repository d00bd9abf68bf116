package io.tegami.canonical;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tegami.api.config.MailParameters;
import io.tegami.api.rewrite.AddressClass;
import io.tegami.api.rewrite.MessageContext;
import io.tegami.api.rewrite.RewriteException;
import io.tegami.api.table.TableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postfix's cleanup address rewriting for one address, free of OSGi: completion to standard form
 * in the message's context ({@link Completion}), then {@code sender_canonical_maps} or
 * {@code recipient_canonical_maps}, then {@code canonical_maps} ({@link CanonicalMaps}), then
 * masquerading ({@link Masquerade}); each step only for the address classes its
 * {@code *_classes} parameter lists. Every parameter is read per call, so {@code postconf}
 * changes apply to the next message.
 */
final class Canonical {

    private static final Logger LOG = LoggerFactory.getLogger("io.tegami.canonical.cleanup");

    static final String ALL_CLASSES = "envelope_sender, envelope_recipient, header_sender, header_recipient";
    static final String SENDER_CLASSES = "envelope_sender, header_sender";
    static final String RECIPIENT_CLASSES = "envelope_recipient, header_recipient";
    static final String MASQUERADE_CLASSES = "envelope_sender, header_sender, header_recipient";

    private final MailParameters parameters;
    private final Completion completion;
    private final CanonicalMaps maps;
    private final Masquerade masquerade;
    private final Map<String, ParsedClasses> parsedClasses = new ConcurrentHashMap<>();

    /** An address class list parameter's value and what it says. */
    private record ParsedClasses(String value, Set<AddressClass> classes) {
    }

    Canonical(MailParameters parameters) {
        this.parameters = parameters;
        Tables tables = new Tables(parameters);
        this.completion = new Completion(parameters);
        this.maps = new CanonicalMaps(parameters, tables,
                new LocalDomains(parameters, tables), completion);
        this.masquerade = new Masquerade(parameters, tables);
    }

    String rewrite(String address, AddressClass addressClass, MessageContext message) throws RewriteException {
        String a = completion.complete(address, message.context());
        if (addressClass.isSender()) {
            if (classes("sender_canonical_classes", SENDER_CLASSES).contains(addressClass)) {
                a = maps.map(a, "sender_canonical_maps", message.queueId());
            }
        } else if (classes("recipient_canonical_classes", RECIPIENT_CLASSES).contains(addressClass)) {
            a = maps.map(a, "recipient_canonical_maps", message.queueId());
        }
        if (classes("canonical_classes", ALL_CLASSES).contains(addressClass)) {
            a = maps.map(a, "canonical_maps", message.queueId());
        }
        if (classes("masquerade_classes", MASQUERADE_CLASSES).contains(addressClass)) {
            try {
                a = masquerade.apply(a);
            } catch (TableException e) {
                LOG.info("{}: masquerade_exceptions lookup error -- deferring delivery", message.queueId());
                throw new RewriteException("masquerade_exceptions lookup error: " + e.getMessage(), e);
            }
        }
        return a.isEmpty() ? address : a;
    }

    /**
     * An address class list parameter; unknown names are logged and ignored, as Postfix warns.
     * Parsed once per value: it is read for every address of every message.
     */
    private Set<AddressClass> classes(String parameter, String fallback) {
        String value = parameters.get(parameter).orElse(fallback);
        ParsedClasses known = parsedClasses.get(parameter); // by name: no key to build per address
        if (known == null || !known.value().equals(value)) {
            known = new ParsedClasses(value, parseClasses(parameter, value));
            parsedClasses.put(parameter, known);
        }
        return known.classes();
    }

    private static Set<AddressClass> parseClasses(String parameter, String value) {
        List<String> names = List.of(value.trim().split("[,\\s]+"));
        Set<AddressClass> result = EnumSet.noneOf(AddressClass.class);
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            AddressClass.forPostfixName(name).ifPresentOrElse(result::add,
                    () -> LOG.warn("{}: unknown address class: {}", parameter, name));
        }
        return Set.copyOf(result);
    }
}
