package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveAddressPart;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveMatchType;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * RFC 5228 itself (always available, hence the empty name): keep, discard, redirect and the
 * tests address, header, exists and size. Control commands live in the validator/interpreter.
 */
final class CoreExtension implements SieveExtension {

    @Override
    public String name() {
        return "";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(KEEP, DISCARD, REDIRECT, HEADER, ADDRESS, EXISTS, SIZE);
    }

    @Override
    public List<SieveComparator> comparators() {
        return List.of(CoreMatching.OCTET, CoreMatching.CASEMAP);
    }

    @Override
    public List<SieveMatchType> matchTypes() {
        return List.of(CoreMatching.IS, CoreMatching.CONTAINS, CoreMatching.MATCHES);
    }

    @Override
    public List<SieveAddressPart> addressParts() {
        return List.of(CoreMatching.ALL, CoreMatching.LOCALPART, CoreMatching.DOMAIN);
    }

    static final SieveCommand KEEP = new Command("keep", false, List.of(), 0, Map.of()) {
        @Override
        public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            rt.addAction(new SieveAction.Store("INBOX", Imap4flagsExtension.actionFlags(call, rt), false, false));
        }
    };

    static final SieveCommand DISCARD = new Command("discard", false, List.of(), 0, Map.of()) {
        @Override
        public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            rt.addAction(new SieveAction.Discard());
        }
    };

    static final SieveCommand REDIRECT = new Command("redirect", false, List.of(Command.STRING), 0, Map.of()) {
        @Override
        public void validate(SieveCall call) throws SieveCompileException {
            String address = call.string(0);
            if (!address.contains("${") && !Addresses.isAddress(address)) {
                throw call.error("specified redirect address '" + address + "' is invalid");
            }
        }

        @Override
        public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            String address = call.string(0);
            if (!Addresses.isAddress(address)) {
                throw new SieveRuntimeException("specified redirect address '" + address + "' is invalid");
            }
            rt.addAction(new SieveAction.Redirect(address, call.hasTag(":copy")));
        }
    }.named("address");

    /** A test that matches header-derived values against keys. */
    abstract static class MatchTest extends Command {
        MatchTest(String name, boolean addressParts) {
            super(name, true, List.of(Command.LIST, Command.LIST), 0, Map.of());
            this.addressParts = addressParts;
        }

        private final boolean addressParts;

        @Override
        public boolean matching() {
            return true;
        }

        @Override
        public boolean addressParts() {
            return addressParts;
        }

        @Override
        public void validate(SieveCall call) throws SieveCompileException {
            IndexExtension.validate(call, "test");
        }
    }

    static final SieveCommand HEADER = new MatchTest("header", false) {
        @Override
        public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            List<String> fields = IndexExtension.select(call, HeaderValues.raw(rt.message(), call.strings(0)));
            return rt.match(call, HeaderValues.decode(fields), call.strings(1));
        }
    };

    static final SieveCommand ADDRESS = new MatchTest("address", true) {
        @Override
        public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            List<String> fields = IndexExtension.select(call, HeaderValues.raw(rt.message(), call.strings(0)));
            List<String> values = rt.addressParts(call, fields);
            return rt.match(call, values, call.strings(1));
        }
    };

    static final SieveCommand EXISTS = new Command("exists", true, List.of(Command.LIST), 0, Map.of()) {
        @Override
        public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            for (String name : call.strings(0)) {
                if (HeaderValues.raw(rt.message(), List.of(name)).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    };

    static final SieveCommand SIZE = new Command("size", true, List.of(Command.NUMBER), 0,
            Map.of(":over", Command.NONE, ":under", Command.NONE)) {
        @Override
        public void validate(SieveCall call) throws SieveCompileException {
            if (call.hasTag(":over") == call.hasTag(":under")) {
                throw call.error(call.hasTag(":over")
                        ? "the size test requires either the :under or the :over tag, but both are specified"
                        : "the size test requires either the :under or the :over tag to be specified");
            }
        }

        @Override
        public boolean test(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
            long size;
            try {
                size = rt.message().size();
            } catch (IOException e) {
                throw new SieveRuntimeException("failed to read message size: " + e.getMessage(), e);
            }
            return call.hasTag(":over") ? size > call.number(0) : size < call.number(0);
        }
    };
}
