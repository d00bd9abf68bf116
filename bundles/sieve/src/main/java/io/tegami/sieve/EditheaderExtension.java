package io.tegami.sieve;

import io.tegami.api.sieve.SieveArgumentType;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveCommand;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * editheader (RFC 5293): addheader and deleteheader. Later tests see the edited header; the
 * edits reach the delivery agent as {@link io.tegami.api.sieve.SieveResult#headerEdits()}.
 * Received and Auto-Submitted are protected (Pigeonhole's default sieve_editheader_protected):
 * edits of them are ignored.
 */
@Component(service = SieveExtension.class)
public final class EditheaderExtension implements SieveExtension {

    private static final Set<String> PROTECTED = Set.of("received", "auto-submitted");

    @Override
    public String name() {
        return "editheader";
    }

    @Override
    public List<SieveCommand> commands() {
        return List.of(new Command("addheader", false, List.of(Command.STRING, Command.STRING), 0,
                Map.of(":last", SieveArgumentType.NONE)) {
            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                checkName(call);
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) {
                String name = call.string(0);
                if (!PROTECTED.contains(name.toLowerCase(Locale.ROOT)) && validName(name)) {
                    edited(rt).add(name, call.string(1), call.hasTag(":last"));
                }
            }
        }.named("field-name", "value"), new Command("deleteheader", false, List.of(Command.STRING, Command.LIST), 1,
                Map.of(":index", SieveArgumentType.NUMBER, ":last", SieveArgumentType.NONE)) {
            @Override
            public boolean matching() {
                return true;
            }

            @Override
            public void validate(SieveCall call) throws SieveCompileException {
                checkName(call);
                IndexExtension.validate(call, "command");
            }

            @Override
            public void execute(SieveCall call, SieveRuntime rt) throws SieveRuntimeException {
                String name = call.string(0);
                if (PROTECTED.contains(name.toLowerCase(Locale.ROOT))) {
                    return;
                }
                EditedMessage message = edited(rt);
                try {
                    List<EditedMessage.Field> fields = message.fields(name);
                    List<EditedMessage.Field> selected = call.hasTag(":index")
                            ? IndexExtension.select(call, fields) : fields;
                    for (EditedMessage.Field f : selected) {
                        if (call.positionalCount() < 2
                                || rt.match(call, HeaderValues.decode(List.of(f.value())), call.strings(1))) {
                            message.delete(name, f);
                        }
                    }
                } catch (IOException e) {
                    throw new SieveRuntimeException("failed to read message header: " + e.getMessage(), e);
                }
            }
        }.named("field-name", "value-patterns"));
    }

    private static EditedMessage edited(SieveRuntime rt) {
        return (EditedMessage) rt.message();
    }

    private static void checkName(SieveCall call) throws SieveCompileException {
        String name = call.string(0);
        if (!name.contains("${") && !validName(name)) {
            throw call.error(call.name() + " command: specified field name `" + name + "' is invalid");
        }
    }

    /** RFC 5322 field-name: printable ASCII except colon. */
    static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127 && c != ':');
    }
}
