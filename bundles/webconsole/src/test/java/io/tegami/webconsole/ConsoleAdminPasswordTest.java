package io.tegami.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ConsoleAdminPasswordTest {

    /** The one configuration a fake ConfigAdmin holds, and how it was asked for. */
    private Dictionary<String, Object> stored;
    private final List<String> requests = new ArrayList<>();

    private final Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getProperties" -> stored == null ? null : copy(stored);
                case "update" -> {
                    stored = copy(cast(args[0]));
                    yield null;
                }
                case "getPid" -> ConsoleAdminPassword.PID;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final ConfigurationAdmin configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                if (method.getName().equals("getConfiguration") && args.length == 2) {
                    requests.add(args[0] + " @ " + args[1]);
                    return configuration;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("getProperty")) {
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> cast(Object o) {
        return (Dictionary<String, Object>) o;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
        return PasswordSetup.withPassword(d, d.get("password") == null ? "" : d.get("password").toString());
    }

    @Test
    void firstStartStoresTheHashOfARandomPasswordUnboundToAnyBundle() {
        new ConsoleAdminPassword(configAdmin, context);
        assertEquals(List.of(ConsoleAdminPassword.PID + " @ ?"), requests);
        assertTrue(stored.get("password").toString().startsWith("{sha-256}"), stored.toString());
        assertEquals("admin", stored.get("username"));
    }

    @Test
    void aPasswordAlreadySetIsLeftAlone() {
        Hashtable<String, Object> existing = new Hashtable<>();
        existing.put("password", "{sha-256}kept");
        existing.put("username", "root");
        stored = existing;
        new ConsoleAdminPassword(configAdmin, context);
        assertEquals("{sha-256}kept", stored.get("password"));
    }

    @Test
    void resetPrintsANewPasswordThatTheConsoleAccepts() throws Exception {
        ConsoleAdminPassword c = new ConsoleAdminPassword(configAdmin, context);
        String first = stored.get("password").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.run(new String[] {"reset"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("New Web Console password for user admin: (\\S+)\n").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.matches(), out.toString(StandardCharsets.UTF_8));
        String hash = stored.get("password").toString();
        assertNotEquals(first, hash);
        assertTrue(ConsolePasswordTest.consoleAccepts(hash, m.group(1)));
    }

    @Test
    void withoutArgumentsItSaysWhetherOneIsSetAndRefusesOthers() throws Exception {
        ConsoleAdminPassword c = new ConsoleAdminPassword(configAdmin, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("The Web Console password is set"), out.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.run(new String[] {"show"}, new PrintStream(new ByteArrayOutputStream())));
        assertEquals(ConsoleAdminPassword.USAGE, e.getMessage());
    }
}
