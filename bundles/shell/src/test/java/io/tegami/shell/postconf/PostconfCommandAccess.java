package io.tegami.shell.postconf;

import org.osgi.service.cm.ConfigurationAdmin;

import io.tegami.api.config.MailParameters;

/** Builds the command with its references set, as DS would, for tests in other packages. */
public final class PostconfCommandAccess {

    private PostconfCommandAccess() {
    }

    public static PostconfCommand create(MailParameters parameters, ConfigurationAdmin configurationAdmin) {
        return new PostconfCommand(parameters, configurationAdmin);
    }
}
