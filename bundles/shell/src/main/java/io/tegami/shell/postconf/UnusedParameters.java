package io.tegami.shell.postconf;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tegami.api.config.MailParameters;

/**
 * The parameters set in {@code tegami.main.cfg} that nothing uses: Postfix's "unused parameter"
 * rule. A name is used when a component knows it (it has a default), when a value refers to it
 * ({@code $name} or {@code ${name}} in any parameter or listener option, as Postfix counts
 * references in main.cf and master.cf), or when {@code smtpd_restriction_classes} declares it.
 */
final class UnusedParameters {

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z0-9_]+)(?:[?:][^}]*)?}|\\(([A-Za-z0-9_]+)\\)|([A-Za-z0-9_]+))");

    private UnusedParameters() {
    }

    /**
     * @param otherValues values outside {@code tegami.main} that may refer to parameters (listener options)
     * @return the unused parameters, by name, with their configured values
     */
    static Map<String, String> find(MailParameters params, Collection<String> otherValues) {
        Set<String> used = new HashSet<>(params.defaults().keySet());
        params.defaults().values().forEach(v -> addReferences(v, used));
        params.explicit().values().forEach(v -> addReferences(v, used));
        otherValues.forEach(v -> addReferences(v, used));
        String classes = params.explicit().getOrDefault("smtpd_restriction_classes",
                params.defaults().getOrDefault("smtpd_restriction_classes", ""));
        for (String c : classes.split("[,\\s]+")) {
            used.add(c);
        }
        Map<String, String> unused = new TreeMap<>();
        params.explicit().forEach((name, value) -> {
            if (!used.contains(name) && name.indexOf('.') < 0) {
                unused.put(name, value);
            }
        });
        return unused;
    }

    static void addReferences(String value, Set<String> names) {
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    names.add(m.group(g));
                }
            }
        }
    }
}
