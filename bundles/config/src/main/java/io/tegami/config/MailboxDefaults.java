package io.tegami.config;

import java.util.Map;

/**
 * Defaults of the mailbox side that Dovecot names: quota, IMAP plugins, the stores' index cache.
 * Values follow Dovecot 2.3 unless a comment says why not.
 */
final class MailboxDefaults {

    private MailboxDefaults() {
    }

    static void addTo(Map<String, String> d) {
        // imap_zlib (or imap_compress) here turns on COMPRESS=DEFLATE, as Dovecot's plugin does.
        d.put("mail_plugins", "");
        d.put("imap_zlib_compress_level", "6");
        // Tegami's own: messages of idle Maildir folders whose index stays in memory (~0.7 KB each).
        d.put("mailbox_index_cache_messages", "200000");
        d.put("quota", "");
        d.put("quota_rule", "");
        d.put("quota_grace", "10%");
        d.put("quota_exceeded_message", "Quota exceeded (mailbox for user is full)");
        d.put("quota_full_tempfail", "no");
    }
}
