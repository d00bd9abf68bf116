package io.tegami.shell.postconf;

import java.nio.file.Path;

import io.tegami.api.config.MailParameters;

/** Where {@code tegami.main}'s file is: {@code configs/tegami.main.cfg} under Tegami's home. */
final class MainCfFile {

    private MainCfFile() {
    }

    /**
     * @param fileinstallDir the framework property {@code felix.fileinstall.dir}, or {@code null}
     */
    static Path locate(MailParameters parameters, String fileinstallDir) {
        String dir = fileinstallDir;
        Path configs = dir != null && !dir.isBlank() ? parameters.home().resolve(dir) : parameters.home().resolve("configs");
        return configs.resolve(MailParameters.PID + ".cfg");
    }
}
