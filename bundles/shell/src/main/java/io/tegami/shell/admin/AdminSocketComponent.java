package io.tegami.shell.admin;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.config.MailParameters;
import io.tegami.shell.ctl.AdminProtocol;

/**
 * Runs the admin socket ({@code admin_socket}, default {@code $data_directory/private/admin.sock})
 * while Gogo is there to run its commands.
 *
 * <p>The references are static: the socket's path is read once at activation, and a new Gogo or
 * parameters service simply restarts the socket. Commands running at that moment still finish and
 * answer (see {@link AdminSocketServer#close()}).
 */
@Component(immediate = true)
public final class AdminSocketComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSocketComponent.class);

    private final AdminSocketServer server;

    @Activate
    public AdminSocketComponent(@Reference CommandProcessor processor, @Reference MailParameters parameters)
            throws IOException {
        Path socket = parameters.getPath("admin_socket")
                .orElseGet(() -> parameters.home().resolve(AdminProtocol.DEFAULT_SOCKET));
        server = new AdminSocketServer(socket, new GogoCommandExecutor(processor), AdminSocketLimits.DEFAULTS);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot open the admin socket {}: {}; tegami-ctl will not work", socket, e.toString());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
