package io.tegami.users.passwdfile;

import java.nio.file.Path;
import java.util.Map;

import io.tegami.api.config.testing.MapMailParameters;

/** The shared fake with Tegami's defaults (PostfixDefaults) of the parameters this directory reads. */
final class PasswdFileParameters {

    private PasswdFileParameters() {
    }

    static MapMailParameters at(Path home) {
        return new MapMailParameters(home, Map.of("data_directory", "data",
                "passwd_file", "$data_directory/passwd", "mail_home", "$data_directory/home/%u"));
    }
}
