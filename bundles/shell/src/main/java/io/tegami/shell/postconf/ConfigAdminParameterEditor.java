package io.tegami.shell.postconf;

import java.io.IOException;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.tegami.api.config.MailParameters;

/**
 * Edits the {@code tegami.main} configuration in ConfigAdmin, so that components see a change in
 * their {@code @Modified} at once; {@link CfgFileEditor} makes it durable in the file.
 */
final class ConfigAdminParameterEditor implements ParameterEditor {

    private final ConfigurationAdmin configurationAdmin;

    ConfigAdminParameterEditor(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public void apply(Map<String, String> set, Collection<String> remove) throws IOException {
        // "?": the multi-location region FileInstall uses too, so the configuration is not bound
        // to this bundle and stays visible to the bundle that reads it.
        Configuration configuration = configurationAdmin.getConfiguration(MailParameters.PID, "?");
        Dictionary<String, Object> current = configuration.getProperties();
        Hashtable<String, Object> updated = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                updated.put(key, current.get(key));
            }
        }
        boolean changed = false;
        for (Map.Entry<String, String> e : set.entrySet()) {
            changed |= !Objects.equals(updated.put(e.getKey(), e.getValue()), e.getValue());
        }
        for (String name : remove) {
            changed |= updated.remove(name) != null;
        }
        // An update with nothing new would still make every component re-read its parameters.
        if (changed) {
            configuration.update(updated);
        }
    }
}
