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
        // virtual(5): one-to-many rewriting in the queue's cleanup, for every domain.
        d.put("virtual_maps", "");
        d.put("virtual_alias_maps", "$virtual_maps");
        d.put("virtual_alias_domains", "$virtual_alias_maps");
        d.put("virtual_alias_recursion_limit", "1000");
        d.put("virtual_alias_expansion_limit", "1000");
        d.put("unknown_virtual_alias_reject_code", "550");
    }
}
