package io.tegami.config;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The default value of every parameter Tegami knows, unexpanded, as {@code postconf -d} shows them.
 * Values follow Postfix (and Dovecot for the access side), except paths, which stay inside
 * Tegami's own folder so that the embedded default needs no root and touches nothing else.
 */
final class PostfixDefaults {

    private PostfixDefaults() {
    }

    /** The defaults for a machine whose host name is {@code hostname}. */
    static Map<String, String> forHost(String hostname) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("myhostname", hostname);
        d.put("mydomain", domainOf(hostname));
        d.put("myorigin", "$myhostname");
        d.put("mydestination", "$myhostname, localhost.$mydomain, localhost");
        d.put("mynetworks", "127.0.0.0/8 [::1]/128");
        // Where listeners without an address bind: loopback only in the embedded default
        // (Postfix's default is all, Dovecot's listen is "*, ::").
        d.put("inet_interfaces", "loopback-only");
        d.put("inet_protocols", "all");
        d.put("listen", "127.0.0.1");
        d.put("smtpd_client_connection_count_limit", "50");
        d.put("smtpd_client_event_limit_exceptions", "$mynetworks");
        d.put("mail_name", "Tegami");
        d.put("smtpd_banner", "$myhostname ESMTP $mail_name");
        d.put("disable_vrfy_command", "no");
        d.put("message_size_limit", "10240000");
        d.put("smtpd_recipient_limit", "1000");
        d.put("smtpd_hard_error_limit", "20");
        d.put("smtpd_timeout", "300s");
        d.put("line_length_limit", "2048");
        d.put("smtpd_tls_security_level", "may");
        d.put("smtpd_tls_cert_file", "");
        d.put("smtpd_tls_key_file", "");
        d.put("recipient_delimiter", "");
        d.put("data_directory", "data");
        d.put("queue_directory", "$data_directory/spool");
        d.put("maximal_queue_lifetime", "5d");
        d.put("bounce_queue_lifetime", "5d");
        d.put("minimal_backoff_time", "300s");
        d.put("maximal_backoff_time", "4000s");
        d.put("queue_run_delay", "300s");
        d.put("default_process_limit", "100");
        d.put("delay_warning_time", "0h");
        d.put("double_bounce_sender", "double-bounce");
        d.put("2bounce_notice_recipient", "postmaster");
        d.put("default_destination_concurrency_limit", "20");
        d.put("header_size_limit", "102400");
        d.put("mail_location", "maildir:~/Maildir");
        d.put("mailbox_special_use", "");
        d.put("passwd_file", "$data_directory/passwd");
        d.put("mail_home", "$data_directory/home/%u");
        d.put("admin_socket", "$data_directory/private/admin.sock");
        // Postfix: mbox spool (INBOX of mbox users), SASL and TLS policy.
        d.put("mail_spool_directory", "$data_directory/spool/mail");
        d.put("smtpd_sasl_auth_enable", "no");
        d.put("smtpd_tls_auth_only", "no");
        d.put("broken_sasl_auth_clients", "no");
        d.put("smtpd_sasl_authenticated_header", "no");
        d.put("smtpd_sasl_response_limit", "12288");
        d.put("smtpd_use_tls", "no");
        d.put("smtpd_enforce_tls", "no");
        d.put("smtpd_tls_protocols", ">=TLSv1.2");
        // Postfix's own default (>=TLSv1) would allow old protocols on submission.
        d.put("smtpd_tls_mandatory_protocols", ">=TLSv1.2");
        // Dovecot names for the access side.
        d.put("auth_mechanisms", "plain login");
        d.put("disable_plaintext_auth", "yes");
        d.put("auth_failure_delay", "2s");
        d.put("default_pass_scheme", "SHA512-CRYPT");
        d.put("ssl", "yes");
        d.put("login_greeting", "Tegami ready.");
        d.put("imap_max_line_length", "64k");
        d.put("mail_max_userip_connections", "10");
        d.put("imap_idle_notify_interval", "2m");
        d.put("mailbox_idle_check_interval", "30s");
        d.put("mailbox_autocreate", "Drafts, Sent, Trash, Junk");
        d.put("pop3_uidl_format", "%08Xu%08Xv");
        d.put("pop3_no_flag_updates", "no");
        // Dovecot's default is no; Tegami locks, so that two POP3 clients never race on one INBOX.
        d.put("pop3_lock_session", "yes");
        d.put("pop3_client_workarounds", "");
        d.put("pop3_logout_format", "top=%t/%p, retr=%r/%b, del=%d/%m, size=%s");
        d.put("ssl_min_protocol", "TLSv1.2");
        d.put("ssl_cert", "");
        d.put("ssl_key", "");
        SmtpClientDefaults.addTo(d);
        CleanupDefaults.addTo(d);
        SmtpdRestrictionDefaults.addTo(d);
        SmtpdProtocolDefaults.addTo(d);
        MailboxDefaults.addTo(d);
        LocalDeliveryDefaults.addTo(d);
        SieveDefaults.addTo(d);
        PolicyDefaults.addTo(d);
        AntiAbuseDefaults.addTo(d);
        return Collections.unmodifiableMap(d);
    }

    /** Postfix's {@code mydomain} default: {@code myhostname} without its first label. */
    static String domainOf(String hostname) {
        int dot = hostname.indexOf('.');
        return dot > 0 && dot < hostname.length() - 1 ? hostname.substring(dot + 1) : "localdomain";
    }

    /**
     * This machine's host name. Uses the kernel's name rather than a DNS lookup so that start-up
     * never waits on a resolver.
     */
    static String localHostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                name = "localhost";
            }
        }
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
