/**
 * Postfix lookup tables ({@code texthash:}, {@code hash:}, {@code regexp:}, {@code pcre:},
 * {@code inline:}, {@code static:}), shared by every bundle that takes a {@code *_maps} or
 * {@code check_*_access} parameter: access tables, canonical maps, sender login maps, SASL
 * password maps, transport maps.
 *
 * <p>{@link io.tegami.api.table.LookupTables#open} turns a Postfix table spec into a
 * {@link io.tegami.api.table.LookupTable}. Indexed tables ({@code hash:}, {@code btree:},
 * {@code texthash:}) are read from their source text file, the one {@code postmap} would compile;
 * a changed file is read again at the next lookup, so no {@code postmap} step is needed. Each
 * consumer decides which keys to try, in its own order, as Postfix's access(5) and canonical(5)
 * describe; regular-expression tables take the whole string only. Since 1.1,
 * {@link io.tegami.api.table.AddressFinder} is canonical(5)'s and virtual(5)'s key order, shared
 * by the queue's cleanup and the SMTP server's recipient checks.
 */
@Export
@Version("1.1.0")
package io.tegami.api.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
