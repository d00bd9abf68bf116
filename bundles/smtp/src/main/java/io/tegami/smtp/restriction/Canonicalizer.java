package io.tegami.smtp.restriction;

import java.util.ArrayList;
import java.util.List;

import io.tegami.smtp.restriction.AddressTokens.Kind;
import io.tegami.smtp.restriction.AddressTokens.Token;

/**
 * trivial-rewrite's rewrite_tree() in the canonical (local) context: strips a source route, turns
 * {@code site!user} into {@code user@site} ({@code swap_bangpath}) or {@code user%site} into
 * {@code user@site} ({@code allow_percent_hack}), appends {@code @$myorigin} to a bare local part
 * and drops a trailing dot.
 */
final class Canonicalizer {

    private Canonicalizer() {
    }

    static List<Token> rewrite(List<Token> input, RestrictionSettings settings) {
        List<Token> tree = new ArrayList<>(input);
        if (tree.isEmpty() || (tree.size() == 1 && tree.get(0).kind() == Kind.QSTRING && tree.get(0).text().isEmpty())) {
            return tree;
        }
        if (tree.size() == 1 && tree.get(0).is('@')) {
            return new ArrayList<>(List.of(new Token(Kind.QSTRING, '\0', "")));
        }
        int colon = AddressTokens.find(tree, ':');
        if (tree.get(0).is('@') && colon > 0 && colon != tree.size() - 1) {
            tree = new ArrayList<>(tree.subList(colon + 1, tree.size()));
        }
        if (AddressTokens.rfind(tree, '@') < 0) {
            int bang = AddressTokens.find(tree, '!');
            int percent = AddressTokens.rfind(tree, '%');
            if (settings.flag("swap_bangpath", true) && bang >= 0) {
                List<Token> swapped = new ArrayList<>(tree.subList(bang + 1, tree.size()));
                swapped.add(Token.op('@'));
                swapped.addAll(tree.subList(0, bang));
                tree = swapped;
            } else if (settings.flag("allow_percent_hack", true) && percent >= 0) {
                tree.set(percent, Token.op('@'));
            } else if (settings.flag("append_at_myorigin", true) && !settings.myorigin().isEmpty()) {
                tree.add(Token.op('@'));
                tree.addAll(AddressTokens.scan(settings.myorigin()));
            }
        }
        int at = AddressTokens.rfind(tree, '@');
        if (settings.flag("append_dot_mydomain", false) && !settings.mydomain().isEmpty() && at >= 0
                && at != tree.size() - 1 && AddressTokens.find(tree.subList(at, tree.size()), '.') < 0
                && tree.subList(at, tree.size()).stream().noneMatch(t -> t.kind() == Kind.DOMLIT)) {
            tree.add(Token.op('.'));
            tree.addAll(AddressTokens.scan(settings.mydomain()));
        }
        int last = tree.size() - 1;
        if (last > 0 && tree.get(last).is('.') && !tree.get(last - 1).is('.') && !tree.get(last - 1).is('@')) {
            tree.remove(last);
        }
        return tree;
    }
}
