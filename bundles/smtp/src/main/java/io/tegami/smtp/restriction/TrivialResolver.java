package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.List;

import io.tegami.api.table.TableException;
import io.tegami.smtp.restriction.AddressTokens.Kind;
import io.tegami.smtp.restriction.AddressTokens.Token;
import io.tegami.smtp.restriction.ResolvedAddress.AddressClass;
import io.tegami.smtp.session.SmtpdLog;

/**
 * Postfix's trivial-rewrite resolve_addr(): strips every layer of local domain from an address and
 * undoes the routing forms that hide a remote destination behind a local one
 * ({@code user%other@ourhost}, {@code other!user@ourhost}, {@code "user@other"@ourhost},
 * {@code user@other.@ourhost}), so that relay control judges where the mail would really go. What
 * stays behind a routing operator is flagged {@link ResolvedAddress#routed() routed}.
 *
 * <p>A remote domain listed in {@code virtual_alias_domains} is of the alias class, before
 * {@code relay_domains} is consulted, as in Postfix.
 *
 * <p>A domain is local when {@code mydestination} lists it (one trailing dot ignored). Unlike
 * Postfix, an address literal of one of our own interfaces is not local: Tegami's queue routes by
 * {@code mydestination} only, so such mail would not be delivered here.
 */
final class TrivialResolver {

    private static final String EMPTY_ADDRESS = "MAILER-DAEMON";

    private TrivialResolver() {
    }

    static ResolvedAddress resolve(String address, RestrictionSettings settings) {
        List<Token> tree = AddressTokens.ofInternal(address);
        List<Token> savedDomain = null;
        boolean remote = false;
        boolean percentHack = settings.flag("allow_percent_hack", true);
        boolean swapBangpath = settings.flag("swap_bangpath", true);
        int loopMax = address.length() + 100;
        for (int loop = 0; loop <= loopMax; loop++) {
            int last = tree.size() - 1;
            if (last > 0 && tree.get(last).is('.') && AddressTokens.rfind(tree, '@') >= 0 && !tree.get(last - 1).is('.')) {
                tree.remove(last--);
            }
            if (last >= 0 && tree.get(last).is('@')) {
                tree.remove(last);
            }
            int at = AddressTokens.rfind(tree, '@');
            if (at >= 0) {
                if (at + 1 < tree.size() && !isLocal(AddressTokens.internalize(tree.subList(at + 1, tree.size())), settings)) {
                    remote = true;
                    break;
                }
                savedDomain = new ArrayList<>(tree.subList(at, tree.size()));
                tree = new ArrayList<>(tree.subList(0, at));
            }
            if (AddressTokens.rfind(tree, '@') >= 0 || (swapBangpath && AddressTokens.rfind(tree, '!') >= 0)
                    || (percentHack && AddressTokens.rfind(tree, '%') >= 0)) {
                tree = Canonicalizer.rewrite(tree, settings);
                continue;
            }
            if (settings.flag("resolve_dequoted_address", true) && tree.size() == 1 && tree.get(0).kind() == Kind.QSTRING) {
                String local = tree.get(0).text();
                int oper = local.lastIndexOf('@');
                if (oper < 0 && percentHack) {
                    oper = local.lastIndexOf('%');
                }
                if (oper < 0 && swapBangpath) {
                    oper = local.lastIndexOf('!');
                }
                if (oper >= 0) {
                    char op = local.charAt(oper);
                    String cracked = op == '%' ? local.substring(0, oper) + '@' + local.substring(oper + 1) : local;
                    if (op == '@' || op == '%') {
                        cracked = AddressTokens.quoteLocal(cracked);
                    }
                    tree = Canonicalizer.rewrite(AddressTokens.scan(cracked), settings);
                    continue;
                }
            }
            if (tree.size() == 1 && tree.get(0).kind() == Kind.QSTRING && tree.get(0).text().isEmpty()) {
                tree = new ArrayList<>();
            }
            if (tree.isEmpty()) {
                tree = AddressTokens.scan(EMPTY_ADDRESS);
            }
            break;
        }
        if (!remote) {
            if (savedDomain != null) {
                tree.addAll(savedDomain);
            } else {
                tree.add(Token.op('@'));
                tree.addAll(AddressTokens.scan(settings.myhostname()));
            }
        }
        return classify(AddressTokens.internalize(tree), remote, settings);
    }

    private static ResolvedAddress classify(String recipient, boolean remote, RestrictionSettings settings) {
        String domain = HostNames.domainOf(recipient);
        boolean error = domain.startsWith("[") ? !HostNames.validHostLiteral(domain) : !HostNames.validHostname(domain);
        int operator = indexOfAny(recipient, "@!%");
        boolean routed = !recipient.substring(Math.min(operator + 1, recipient.length())).equals(domain);
        AddressClass cls = AddressClass.LOCAL;
        if (remote) {
            try {
                if (VirtualAliases.isAliasDomain(domain, settings)) {
                    cls = AddressClass.ALIAS;
                }
            } catch (TableException e) {
                SmtpdLog.warn("{} lookup failure: {}", VirtualAliases.DOMAINS, e.getMessage());
                return ResolvedAddress.failed(recipient);
            }
            try {
                if (cls != AddressClass.ALIAS) {
                    cls = DomainList.matches(settings.list("relay_domains", ""), domain,
                            settings.parentMatchesSubdomains("relay_domains"), settings) ? AddressClass.RELAY : AddressClass.DEFAULT;
                }
            } catch (TableException e) {
                SmtpdLog.warn("relay_domains lookup failure: {}", e.getMessage());
                return ResolvedAddress.failed(recipient);
            }
        }
        return new ResolvedAddress(recipient, cls, routed, error, false);
    }

    /** resolve_local(): the domain (one trailing dot ignored) is listed in {@code mydestination}. */
    static boolean isLocal(String domain, RestrictionSettings settings) {
        String name = HostNames.withoutTrailingDot(domain);
        for (String local : settings.mydestination()) {
            if (local.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
