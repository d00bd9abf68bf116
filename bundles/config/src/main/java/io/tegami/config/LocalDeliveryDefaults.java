package io.tegami.config;

import java.util.Map;

/**
 * Defaults of aliases and local delivery to commands and files (Postfix's local(8) and
 * aliases(5)), with Postfix's values; alias files live under Tegami's {@code configs/}.
 */
final class LocalDeliveryDefaults {

    private LocalDeliveryDefaults() {
    }

    static void addTo(Map<String, String> d) {
        d.put("alias_maps", "hash:configs/aliases");
        d.put("alias_database", "hash:configs/aliases");
        d.put("allow_mail_to_commands", "alias, forward");
        d.put("allow_mail_to_files", "alias, forward");
        d.put("command_time_limit", "1000s");
        d.put("mailbox_command", "");
        d.put("expand_owner_alias", "no");
        d.put("prepend_delivered_header", "command, file, forward");
        d.put("export_environment", "TZ MAIL_CONFIG LANG");
    }
}
