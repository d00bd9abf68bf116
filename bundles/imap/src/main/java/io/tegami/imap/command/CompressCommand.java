package io.tegami.imap.command;

import io.tegami.imap.protocol.ParseException;
import io.tegami.imap.session.ImapSession;

/**
 * COMPRESS (RFC 4978), as Dovecot's {@code imap_zlib} plugin answers it: {@code DEFLATE} is the
 * one mechanism; the tagged OK leaves uncompressed and everything after it, both ways, is raw
 * DEFLATE (inside TLS when TLS is on); a second COMPRESS gets {@code NO [COMPRESSIONACTIVE]}.
 * Without the plugin in {@code mail_plugins} the command does not exist, as in Dovecot, and
 * CAPABILITY does not list {@code COMPRESS=DEFLATE}.
 */
public final class CompressCommand implements ImapCommand {

    @Override
    public String name() {
        return "COMPRESS";
    }

    @Override
    public Result execute(ImapSession session, Request request) throws ParseException {
        if (!session.settings().compressEnabled()) {
            return Result.bad("Error in IMAP command COMPRESS: Unknown command.");
        }
        var r = request.args();
        r.sp();
        String mechanism = r.atom();
        r.end();
        if (session.connection().isCompressed()) {
            return Result.no("[COMPRESSIONACTIVE] COMPRESSION=DEFLATE already enabled.");
        }
        if (!mechanism.equalsIgnoreCase("DEFLATE")) {
            return Result.no("Unknown compression mechanism: " + mechanism);
        }
        return Result.ok("Begin compression.").then(session::startCompression);
    }
}
