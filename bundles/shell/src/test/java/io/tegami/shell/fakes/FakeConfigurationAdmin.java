package io.tegami.shell.fakes;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** A ConfigurationAdmin holding configurations in memory and recording how it was called. */
public final class FakeConfigurationAdmin implements ConfigurationAdmin {

    private final List<FakeConfiguration> configurations = new ArrayList<>();
    /** "pid location" for every getConfiguration call. */
    public final List<String> lookups = new ArrayList<>();

    /** Creates a configuration as FileInstall would have, with its bookkeeping key. */
    public FakeConfiguration preload(String pid, Hashtable<String, Object> properties) {
        FakeConfiguration c = new FakeConfiguration(pid);
        c.properties = properties;
        configurations.add(c);
        return c;
    }

    public FakeConfiguration find(String pid) {
        return configurations.stream().filter(c -> c.pid.equals(pid)).findFirst().orElse(null);
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        lookups.add(pid + " " + location);
        FakeConfiguration c = find(pid);
        if (c == null) {
            c = new FakeConfiguration(pid);
            configurations.add(c);
        }
        return c;
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration[] listConfigurations(String filter) {
        return configurations.toArray(new Configuration[0]);
    }

    /** One configuration; {@link #updates} counts update calls. */
    public static final class FakeConfiguration implements Configuration {
        private final String pid;
        Hashtable<String, Object> properties;
        public int updates;

        FakeConfiguration(String pid) {
            this.pid = pid;
        }

        /** The stored properties, or null before the first update. */
        public Hashtable<String, Object> stored() {
            return properties;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> newProperties) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (var keys = newProperties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, newProperties.get(key));
            }
            properties = copy;
            updates++;
        }

        @Override
        public void delete() {
            properties = null;
        }

        @Override
        public String getFactoryPid() {
            return null;
        }

        @Override
        public void update() {
            updates++;
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> newProperties) {
            update(newProperties);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return updates;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }
}
