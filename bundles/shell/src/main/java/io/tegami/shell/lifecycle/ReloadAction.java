package io.tegami.shell.lifecycle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.shell.CommandFailedException;
import io.tegami.shell.queue.PostfixAction;

/**
 * {@code postfix reload}: "refreshing the Postfix mail system", then every file of
 * {@code configs/} is read into ConfigAdmin at once (see {@link ConfigReloader}); components
 * apply the changes without a restart, as Postfix's daemons do after a HUP.
 */
@Component(property = PostfixAction.COMMAND + "=reload")
public final class ReloadAction implements PostfixAction {

    private static final Logger LOG = LoggerFactory.getLogger(PostfixScript.TAG);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    private volatile Path configs;

    public ReloadAction() {
    }

    /** For tests, which have no DS. */
    ReloadAction(ConfigurationAdmin configurationAdmin, Path configs) {
        this.configurationAdmin = configurationAdmin;
        this.configs = configs;
    }

    @Activate
    void activate(BundleContext context) {
        Path home = Path.of(System.getProperty("tegami.home", System.getProperty("user.dir")));
        String dir = context.getProperty("felix.fileinstall.dir");
        configs = home.resolve(dir == null || dir.isBlank() ? "configs" : dir).normalize();
    }

    @Override
    public void run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new CommandFailedException(1, "postfix: fatal: usage: postfix reload");
        }
        ConfigurationAdmin cm = configurationAdmin;
        if (cm == null) {
            throw PostfixScript.fatal("ConfigurationAdmin is not available; cannot reload " + configs);
        }
        PostfixScript.info(err, "refreshing the Postfix mail system");
        try {
            ConfigReloader.Result r = new ConfigReloader(cm).reload(configs);
            LOG.info("reload: {} updated, {} created, {} deleted, {} unchanged in {}",
                    r.updated(), r.created(), r.deleted(), r.unchanged(), configs);
        } catch (IOException | RuntimeException e) {
            throw PostfixScript.fatal("cannot reload " + configs + ": " + e.getMessage());
        }
    }
}
