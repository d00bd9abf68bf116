package io.tegami.shell.postconf;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tegami.api.config.MailParameters;
import io.tegami.shell.CommandFailedException;
import io.tegami.shell.postconf.PostconfRequest.Source;

/**
 * Does what {@code postconf} does, on plain streams so it is tested without OSGi or Gogo.
 *
 * <p>Output is Postfix's: {@code name = value} lines (or {@code name =} for an empty value),
 * sorted by name when all are listed, in the order asked otherwise; values unexpanded unless
 * {@code -x}. Warnings go to the error stream; when nothing at all could be shown, the warnings
 * become the command's failure.
 */
final class Postconf {

    private final MailParameters parameters;
    private final ParameterEditor editor;

    /**
     * @param parameters the parameters, or null if the service is absent
     * @param editor the configuration writer, or null if ConfigAdmin is absent
     */
    Postconf(MailParameters parameters, ParameterEditor editor) {
        this.parameters = parameters;
        this.editor = editor;
    }

    void run(PostconfRequest request, PrintStream out, PrintStream err) {
        switch (request.mode()) {
            case EDIT -> edit(request, err);
            case REMOVE -> write(Map.of(), request.names());
            default -> show(request, out, err);
        }
    }

    private void show(PostconfRequest request, PrintStream out, PrintStream err) {
        MailParameters params = requireParameters();
        SortedMap<String, String> table = table(params, request.source());
        if (request.names().isEmpty()) {
            table.forEach((name, value) -> out.println(line(name, shown(params, request, name, value))));
            return;
        }
        List<String> warnings = new ArrayList<>();
        int printed = 0;
        for (String name : request.names()) {
            String value = table.get(name);
            if (value != null) {
                out.println(line(name, shown(params, request, name, value)));
                printed++;
            } else if (!isKnown(params, name)) {
                warnings.add(unknown(name));
            }
            // else: postconf -n of a parameter left at its default prints nothing, as Postfix does
        }
        if (printed == 0 && !warnings.isEmpty()) {
            throw new CommandFailedException(String.join("\n", warnings));
        }
        warnings.forEach(err::println);
    }

    private void edit(PostconfRequest request, PrintStream err) {
        if (parameters != null) {
            // Setting a parameter no component reads is allowed (Postfix allows user-defined
            // parameters), but it is usually a typo worth a word.
            request.assignments().keySet().stream()
                    .filter(name -> !isKnown(parameters, name))
                    .forEach(name -> err.println(unknown(name)));
        }
        write(request.assignments(), List.of());
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

    private static String shown(MailParameters params, PostconfRequest request, String name, String value) {
        return request.expand() ? params.get(name).orElse(value) : value;
    }

    private static boolean isKnown(MailParameters params, String name) {
        return params.defaults().containsKey(name) || params.explicit().containsKey(name);
    }

    /**
     * Keys that ConfigAdmin and FileInstall keep beside the parameters ({@code service.pid},
     * {@code felix.fileinstall.filename}). Parameter names never contain a dot.
     */
    private static boolean isFrameworkKey(String name) {
        return name.indexOf('.') >= 0;
    }

    private static String unknown(String name) {
        return "postconf: warning: unknown parameter: " + name;
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
