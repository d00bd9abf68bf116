package io.tegami.sieve;

import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCompileException;
import java.util.ArrayList;
import java.util.List;

/** A command as seen at run time: strings with variables substituted when the script uses them. */
record RuntimeCall(Node node, Run run) implements SieveCall {

    private List<String> expand(List<String> values) {
        if (values == null || !run.requires("variables")) {
            return values;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(Expander.expand(v, run));
        }
        return out;
    }

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public int line() {
        return node.line();
    }

    @Override
    public int column() {
        return node.column();
    }

    @Override
    public boolean hasTag(String tag) {
        return node.hasTag(tag);
    }

    @Override
    public List<String> tagStrings(String tag) {
        return expand(node.tagStrings(tag));
    }

    @Override
    public long tagNumber(String tag, long fallback) {
        return node.tagNumber(tag, fallback);
    }

    @Override
    public int positionalCount() {
        return node.positionalCount();
    }

    @Override
    public List<String> strings(int index) {
        return expand(node.strings(index));
    }

    @Override
    public long number(int index) {
        return node.number(index);
    }

    @Override
    public List<SieveCall> tests() {
        List<SieveCall> out = new ArrayList<>();
        for (Node t : node.tests) {
            out.add(new RuntimeCall(t, run));
        }
        return out;
    }

    @Override
    public SieveCompileException error(String message) {
        return node.error(message);
    }
}
