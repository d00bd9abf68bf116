package io.tegami.shell.postconf;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Writes parameter changes to where the mail parameters come from ({@code tegami.main}). */
interface ParameterEditor {

    /**
     * Sets and removes parameters in one update, keeping every other key.
     *
     * @param set parameters to set, name to unexpanded value
     * @param remove parameters to remove; names that are not set are ignored
     */
    void apply(Map<String, String> set, Collection<String> remove) throws IOException;
}
