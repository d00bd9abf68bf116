package io.tegami.shell.postconf;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The listener configurations ({@code tegami.listener} factory PIDs): Tegami's master.cf. */
public interface ListenerSource {

    /** Every listener's configuration dictionary, as stored. */
    List<Map<String, Object>> listeners() throws IOException;
}
