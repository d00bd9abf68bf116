package io.tegami.shell.postconf;

import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.config.MailParameters;

/**
 * The {@code postconf} console command (Gogo scope {@code tegami}).
 *
 * <p>Both references are optional and dynamic, so the command stays registered while the config
 * bundle or ConfigAdmin is being swapped and explains what is missing instead of vanishing.
 */
@Component(service = PostconfCommand.class)
@GogoCommand(scope = "tegami", function = "postconf")
public final class PostconfCommand {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailParameters parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    /** FileInstall's folder, a framework property, where {@code tegami.main.cfg} lives. */
    private volatile String fileinstallDir;

    public PostconfCommand() {
    }

    @Activate
    void activate(BundleContext context) {
        fileinstallDir = context.getProperty("felix.fileinstall.dir");
    }

    /** For tests, which have no DS to set the fields. */
    PostconfCommand(MailParameters parameters, ConfigurationAdmin configurationAdmin) {
        this.parameters = parameters;
        this.configurationAdmin = configurationAdmin;
    }

    @Descriptor("show or change mail parameters (tegami.main), like Postfix's postconf")
    public void postconf(
            @Descriptor("[-dhHnx] [name ...] | [-e] name=value ... | -X name ... | -M [-fx] [service[/type] ...] | --help") String... args) {
        ConfigurationAdmin cm = configurationAdmin;
        MailParameters params = parameters;
        Path mainCf = params == null ? null : MainCfFile.locate(params, fileinstallDir);
        ParameterEditor editor = params == null ? null
                : new BothEditors(new CfgFileEditor(mainCf), cm == null ? null : new ConfigAdminParameterEditor(cm));
        Postconf postconf = new Postconf(params, editor, cm == null ? null : new ConfigAdminListeners(cm), mainCf);
        // System.out and System.err: Gogo routes them to the calling session (console or socket).
        postconf.run(PostconfRequest.parse(args), System.out, System.err);
    }
}
