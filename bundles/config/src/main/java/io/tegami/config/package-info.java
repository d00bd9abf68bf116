/**
 * The {@code config} bundle: Postfix-style mail parameters served as
 * {@link io.tegami.api.config.MailParameters}. Private to the bundle.
 */
package io.tegami.config;
