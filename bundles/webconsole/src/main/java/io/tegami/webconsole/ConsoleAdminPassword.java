package io.tegami.webconsole;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Dictionary;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console's admin password: never a shipped default. When the console's configuration
 * ({@value #PID}) has no password, which is the case at first start, a random one is made, only
 * its hash is stored (in that configuration, kept by ConfigAdmin under {@code data/}), and the
 * password itself is written once to the log (and to the terminal of {@code bin/tegami console}).
 * Until then {@code conf/config.properties} sets {@code felix.webconsole.password} to a value no
 * password matches, so the console's built-in admin/admin never works.
 *
 * <p>{@code webconsole-password reset} (from the Gogo console or {@code bin/tegami-ctl}) makes and
 * prints a new one, for an admin who lost it.
 */
@Component(service = ConsoleAdminPassword.class, immediate = true, property = {
        "osgi.command.scope=tegami", "osgi.command.function=webconsole-password"})
public final class ConsoleAdminPassword {

    /** The Web Console's configuration PID (its OsgiManager servlet). */
    static final String PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String USAGE = "usage: webconsole-password [reset]";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdminPassword.class);

    private final ConfigurationAdmin configAdmin;
    private final String url;
    private final ConsolePassword passwords = new ConsolePassword(new SecureRandom());

    /** Sets a password at once if the console has none. */
    @Activate
    public ConsoleAdminPassword(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        this.url = consoleUrl(context);
        try {
            Configuration c = configuration();
            Dictionary<String, Object> props = c.getProperties();
            if (!PasswordSetup.hasPassword(props)) {
                String password = set(c, props);
                String user = PasswordSetup.user(c.getProperties());
                // Nobody is at a terminal at first start (bin/tegami start): the log is where the admin looks.
                LOG.warn("Web Console password generated at first start: user {}, password {} (shown only now; only "
                        + "its hash is stored; 'bin/tegami-ctl webconsole-password reset' makes a new one) at {}",
                        user, password, url);
                if (System.console() != null) {
                    // bin/tegami console: the admin watches this terminal, not the log file.
                    System.out.println("Web Console " + url + ": user " + user + ", password " + password
                            + " (generated at first start, shown only now)");
                }
            }
        } catch (IOException e) {
            LOG.error("fatal: cannot store the Web Console password: {}; the console refuses every login", e.toString());
        }
    }

    /** The Gogo command; Gogo passes the name it was called by first. */
    public void _main(String... args) throws IOException {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        run(rest, System.out);
    }

    void run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0) {
            boolean set = PasswordSetup.hasPassword(configuration().getProperties());
            out.println(set ? "The Web Console password is set (only its hash is stored). "
                    + "'webconsole-password reset' makes a new one." : "The Web Console has no password yet.");
        } else if (args.length == 1 && args[0].equals("reset")) {
            Configuration c = configuration();
            String password = set(c, c.getProperties());
            LOG.warn("Web Console password reset from the console; the new one was shown to the command only");
            out.println("New Web Console password for user " + PasswordSetup.user(c.getProperties()) + ": " + password);
        } else {
            throw new IllegalArgumentException(USAGE);
        }
    }

    private Configuration configuration() throws IOException {
        // "?": not bound to this bundle's location, so that the console bundle receives it.
        return configAdmin.getConfiguration(PID, "?");
    }

    /** Stores the hash of a new random password and returns the password. */
    private String set(Configuration c, Dictionary<String, Object> current) throws IOException {
        String password = passwords.generate();
        c.update(PasswordSetup.withPassword(current, passwords.hash(password)));
        return password;
    }

    private static String consoleUrl(BundleContext context) {
        String host = context.getProperty("org.apache.felix.http.host");
        String port = context.getProperty("org.osgi.service.http.port");
        return "http://" + (host == null ? "localhost" : host) + ":" + (port == null ? "8080" : port) + "/system/console";
    }
}
