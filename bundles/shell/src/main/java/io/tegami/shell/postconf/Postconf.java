package io.tegami.shell.postconf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.tegami.api.config.MailParameters;
import io.tegami.api.config.ParameterExpander;
import io.tegami.shell.CommandFailedException;
import io.tegami.shell.postconf.PostconfRequest.Source;

/**
 * Does what {@code postconf} does, on plain streams so it is tested without OSGi or Gogo.
 *
 * <p>Output is Postfix's: {@code name = value} lines (or {@code name =} for an empty value),
 * sorted by name when all are listed, in the order asked otherwise; values unexpanded unless
 * {@code -x}. As in Postfix, a name nobody knows gets {@code postconf: warning: NAME: unknown
 * parameter} and parameters set in the configuration file that nothing uses are left out of
 * listings and reported after them ({@code postconf: warning: FILE: unused parameter: name=value});
 * neither changes the exit status.
 */
final class Postconf {

    private final MailParameters parameters;
    private final ParameterEditor editor;
    private final ListenerSource listeners;
    private final Path mainCf;

    /**
     * @param parameters the parameters, or null if the service is absent
     * @param editor the configuration writer, or null if ConfigAdmin is absent
     * @param listeners the listener configurations, or null if ConfigAdmin is absent
     * @param mainCf the file named in "unused parameter" warnings
     */
    Postconf(MailParameters parameters, ParameterEditor editor, ListenerSource listeners, Path mainCf) {
        this.parameters = parameters;
        this.editor = editor;
        this.listeners = listeners;
        this.mainCf = mainCf;
    }

    void run(PostconfRequest request, PrintStream out, PrintStream err) {
        switch (request.mode()) {
            case HELP -> out.println(PostconfRequest.HELP);
            case EDIT -> write(request.assignments(), List.of());
            case REMOVE -> write(Map.of(), request.names());
            case MASTER -> master(request, out, err);
            default -> show(request, out, err);
        }
        out.flush();
        err.flush();
    }

    private void show(PostconfRequest request, PrintStream out, PrintStream err) {
        MailParameters params = requireParameters();
        // postconf -d does not read the configuration, so it has nothing to call unused.
        Map<String, String> unused = request.source() == Source.DEFAULTS ? Map.of()
                : UnusedParameters.find(params, MasterEntries.optionValues(listenerConfigs(err)));
        SortedMap<String, String> table = table(params, request.source());
        table.keySet().removeAll(unused.keySet());
        ParameterExpander defaults = request.expand() && request.source() == Source.DEFAULTS
                ? ParameterExpander.over(params.defaults()) : null;
        if (request.names().isEmpty()) {
            table.forEach((name, value) -> out.println(shown(params, defaults, request, name, value)));
        } else {
            for (String name : request.names()) {
                String value = table.get(name);
                if (value != null) {
                    out.println(shown(params, defaults, request, name, value));
                } else if (!params.defaults().containsKey(name)
                        && (unused.containsKey(name) || !params.explicit().containsKey(name))) {
                    out.flush();
                    err.println("postconf: warning: " + name + ": unknown parameter");
                }
                // else: postconf -n of a parameter left at its default prints nothing, as Postfix does
            }
        }
        out.flush();
        unused.forEach((name, value) ->
                err.println("postconf: warning: " + mainCf + ": unused parameter: " + name + "=" + value));
    }

    private void master(PostconfRequest request, PrintStream out, PrintStream err) {
        if (listeners == null) {
            throw new CommandFailedException("postconf: fatal: ConfigurationAdmin is not available;"
                    + " cannot read the listener configurations");
        }
        for (String pattern : request.names()) {
            if (!pattern.matches("[^/]+(/[^/]+)?")) {
                throw PostconfRequest.fatal("-M option requires service_name[/type]");
            }
        }
        MailParameters params = parameters;
        UnaryOperator<String> values = v -> v;
        if (request.expand() && params != null) {
            ParameterExpander expander = new ParameterExpander(n -> params.get(n).orElse(null));
            values = v -> {
                try {
                    return expander.expand(v);
                } catch (RuntimeException e) {
                    return v; // an expansion loop: shown as written
                }
            };
        }
        List<MasterEntries.Entry> entries = MasterEntries.of(listenerConfigs(err), values);
        int[] matched = new int[request.names().size()];
        for (MasterEntries.Entry entry : entries) {
            if (request.names().isEmpty()) {
                out.println(MasterEntries.format(entry, request.fold()));
                continue;
            }
            for (int i = 0; i < matched.length; i++) {
                if (Boolean.TRUE.equals(MasterEntries.matches(entry, request.names().get(i)))) {
                    matched[i]++;
                    out.println(MasterEntries.format(entry, request.fold()));
                }
            }
        }
        out.flush();
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] == 0) {
                err.println("postconf: warning: unmatched request: \"" + request.names().get(i) + "\"");
            }
        }
    }

    private List<Map<String, Object>> listenerConfigs(PrintStream err) {
        if (listeners == null) {
            return List.of();
        }
        try {
            return listeners.listeners();
        } catch (IOException | RuntimeException e) {
            err.println("postconf: warning: cannot read the listener configurations: " + e.getMessage());
            return List.of();
        }
    }

    private void write(Map<String, String> set, List<String> remove) {
        ParameterEditor e = editor;
        if (e == null) {
            throw new CommandFailedException(
                    "postconf: fatal: ConfigurationAdmin is not available; cannot update " + MailParameters.PID);
        }
        try {
            e.apply(set, remove);
        } catch (IOException | RuntimeException ex) {
            throw new CommandFailedException("postconf: fatal: cannot update " + MailParameters.PID + ": "
                    + ex.getMessage(), ex);
        }
    }

    /** The values a listing shows, by name. */
    static SortedMap<String, String> table(MailParameters params, Source source) {
        SortedMap<String, String> table = new TreeMap<>();
        if (source != Source.EXPLICIT) {
            table.putAll(params.defaults());
        }
        if (source != Source.DEFAULTS) {
            params.explicit().forEach((name, value) -> {
                if (!isFrameworkKey(name)) {
                    table.put(name, value);
                }
            });
        }
        return table;
    }

    /** One output line: {@code name = value}, or {@code name =} like Postfix for an empty value. */
    static String line(String name, String value) {
        return value.isEmpty() ? name + " =" : name + " = " + value;
    }

    private static String shown(MailParameters params, ParameterExpander defaults, PostconfRequest request,
            String name, String value) {
        String v = value;
        if (request.expand()) {
            try {
                v = defaults != null ? orElse(defaults.valueOf(name), value) : params.get(name).orElse(value);
            } catch (RuntimeException e) {
                v = value; // an expansion loop: show the value as written; postfix check reports it
            }
        }
        if (request.hideName()) {
            return v;
        }
        return request.hideValue() ? name : line(name, v);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /**
     * Keys that ConfigAdmin and FileInstall keep beside the parameters ({@code service.pid},
     * {@code felix.fileinstall.filename}). Parameter names never contain a dot.
     */
    private static boolean isFrameworkKey(String name) {
        return name.indexOf('.') >= 0;
    }

    private MailParameters requireParameters() {
        MailParameters params = parameters;
        if (params == null) {
            throw new CommandFailedException("postconf: fatal: the mail parameters service is not available"
                    + " (is the config bundle running?)");
        }
        return params;
    }
}
