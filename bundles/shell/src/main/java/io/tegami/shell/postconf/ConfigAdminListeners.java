package io.tegami.shell.postconf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Reads the listener configurations from ConfigAdmin, where FileInstall put them. */
public final class ConfigAdminListeners implements ListenerSource {

    /** The net bundle's factory PID; configs/tegami.listener-NAME.cfg. */
    public static final String FACTORY_PID = "tegami.listener";

    private final ConfigurationAdmin configurationAdmin;

    public ConfigAdminListeners(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public List<Map<String, Object>> listeners() throws IOException {
        Configuration[] configurations;
        try {
            configurations = configurationAdmin.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        if (configurations == null) {
            return result;
        }
        for (Configuration c : configurations) {
            Dictionary<String, Object> properties = c.getProperties();
            if (properties == null) {
                continue;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
            result.add(map);
        }
        return result;
    }
}
