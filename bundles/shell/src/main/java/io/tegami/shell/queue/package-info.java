/**
 * The Postfix queue tools as Gogo commands (scope {@code tegami}): {@code mailq},
 * {@code postqueue}, {@code postsuper}, {@code postcat}, {@code sendmail} and the {@code postfix}
 * command dispatcher, over the {@link io.tegami.api.queue.MailQueue} service. Output follows
 * Postfix byte for byte where scripts parse it ({@code mailq}, {@code postqueue -j}).
 */
package io.tegami.shell.queue;
