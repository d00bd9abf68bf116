package io.tegami.smtp.session;

import java.time.Duration;
import java.util.Locale;

/**
 * Postscreen's pre-greet test, run by smtpd itself when {@code tegami_smtpd_greet_test = yes}:
 * the first line of a multi-line greeting ({@code 220-} and {@code postscreen_greet_banner}) goes
 * out, then the session waits {@code postscreen_greet_wait} (6 s) without holding a thread. A
 * real client waits for the last greeting line before it speaks; spambots often talk at once.
 * Whatever arrived meanwhile is logged as postscreen does ({@code PREGREET 11 after 0.25 from
 * [192.0.2.1]:40000: EHLO x\r\n}) and {@code postscreen_greet_action} decides: {@code ignore}
 * (the default) carries on, {@code enforce} carries on but refuses every recipient with
 * {@code 550 5.5.1 Protocol error}, {@code drop} answers {@code 521 5.5.1 Protocol error} and
 * hangs up. Clients in {@code smtpd_client_event_limit_exceptions} ($mynetworks) are greeted at
 * once, untested.
 */
final class Pregreet {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(6);
    private static final int LOGGED = 100;

    private Pregreet() {
    }

    /** True when the test is on for this session's listener and the client is not in mynetworks. */
    static boolean enabled(SmtpSession session) {
        SmtpSettings settings = session.settings();
        if (!settings.getBoolean("tegami_smtpd_greet_test", false)) {
            return false;
        }
        java.net.InetSocketAddress remote = session.connection().remoteAddress();
        return remote == null || !ClientNetworks.parse(settings.getList("mynetworks", "127.0.0.0/8 [::1]/128"))
                .contains(remote.getAddress());
    }

    /**
     * Sends the teaser and has {@code greet} run after the wait, unless the client was dropped.
     *
     * @return false when the wait could not be scheduled (the connection is closed)
     */
    static boolean start(SmtpSession session, Runnable greet) {
        SmtpSettings settings = session.settings();
        String banner = settings.get("postscreen_greet_banner", settings.banner());
        session.connection().write("220-" + banner + "\r\n");
        session.connection().flush();
        long started = System.nanoTime();
        Duration wait = SmtpTimes.duration(settings, "postscreen_greet_wait", DEFAULT_WAIT);
        return session.connection().executeAfter(wait, () -> {
            if (judge(session, started)) {
                greet.run();
            }
        });
    }

    /** After the wait: false when the client was dropped. */
    private static boolean judge(SmtpSession session, long started) {
        byte[] early = session.connection().pendingInput(LOGGED * 4);
        if (early.length == 0) {
            return true;
        }
        String action = session.settings().get("postscreen_greet_action", "ignore").trim().toLowerCase(Locale.ROOT);
        SmtpdLog.info("PREGREET {} after {} from [{}]:{}: {}", early.length, seconds(System.nanoTime() - started),
                session.client().address(), session.connection().remoteAddress().getPort(), escape(early));
        switch (action) {
            case "drop" -> {
                session.reply("521 5.5.1 Protocol error");
                session.hangUp();
                return false;
            }
            case "enforce" -> session.state().pregreetFailed(true);
            default -> {
                // ignore: logged only
            }
        }
        return true;
    }

    /** Postfix's psc_format_delta_time: seconds with two decimals. */
    static String seconds(long nanos) {
        long centis = nanos / 10_000_000L;
        return String.format(Locale.ROOT, "%d.%02d", centis / 100, centis % 100);
    }

    /** Postfix's escape(): C escapes for control characters, cut at 100 characters as %.100s does. */
    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\%03o", c));
            }
            if (sb.length() >= LOGGED) {
                break;
            }
        }
        return sb.length() > LOGGED ? sb.substring(0, LOGGED) : sb.toString();
    }
}
