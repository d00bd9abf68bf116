package io.tegami.smtp.address;

import java.util.List;

/**
 * The argument of a {@code MAIL FROM:} or {@code RCPT TO:} command: the path and the ESMTP
 * parameters that follow it, each parameter as written ({@code SIZE=1000}, {@code BODY=8BITMIME}).
 *
 * @param path the parsed path
 * @param parameters the raw parameter tokens, in order
 */
public record PathArgument(SmtpPath path, List<String> parameters) {

    public PathArgument {
        parameters = List.copyOf(parameters);
    }
}
