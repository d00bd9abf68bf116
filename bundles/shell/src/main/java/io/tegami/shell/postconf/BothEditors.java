package io.tegami.shell.postconf;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a change to the configuration file first, so it survives restarts and the file stays the
 * admin's source of truth, then to ConfigAdmin, so components see it at once rather than after
 * FileInstall's next poll.
 */
final class BothEditors implements ParameterEditor {

    private final ParameterEditor file;
    private final ParameterEditor live;

    BothEditors(ParameterEditor file, ParameterEditor live) {
        this.file = file;
        this.live = live;
    }

    @Override
    public void apply(Map<String, String> set, Collection<String> remove) throws IOException {
        file.apply(set, remove);
        if (live != null) {
            live.apply(set, remove);
        }
    }
}
