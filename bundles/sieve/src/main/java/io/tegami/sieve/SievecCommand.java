package io.tegami.sieve;

import static io.tegami.api.console.ConsoleException.EX_USAGE;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sieve.SieveEngine;
import java.io.PrintStream;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code sievec} console command, as Pigeonhole's sievec(1) checks a script: silent when it
 * is valid, otherwise its errors on standard error ({@code NAME: line L: error: MESSAGE.}) and a
 * failure. Tegami compiles scripts when it loads them, so no binary is written: an
 * {@code out-file} operand is accepted and ignored.
 */
@Component(service = SievecCommand.class, property = {
        "osgi.command.scope=tegami", "osgi.command.function=sievec"})
public final class SievecCommand {

    static final String TOOL = "sievec";

    static final String USAGE = """
            Usage: sievec <script-file> [<out-file>]
            """;

    static final String HELP = USAGE + """

            Checks the Sieve script as Pigeonhole's sievec compiles it and prints its errors; the path
            is relative to Tegami's home. Tegami keeps no compiled binaries: <out-file> is ignored and
            nothing is written. Exit status: 0 when the script is valid, 1 otherwise.
            """;

    private final SieveEngine engine;
    private final MailParameters parameters;

    /** Checks scripts with this engine; paths resolve against the parameters' home. */
    @Activate
    public SievecCommand(@Reference(name = "engine") SieveEngine engine,
            @Reference(name = "parameters") MailParameters parameters) {
        this.engine = engine;
        this.parameters = parameters;
    }

    /** Gogo's entry point for {@code sievec}. */
    @Descriptor("check a Sieve script and print its errors, like Pigeonhole's sievec")
    public void sievec(@Descriptor("script-file [out-file]") String... args) {
        run(args, System.out, System.err);
    }

    /**
     * Does the work of {@link #sievec} on these streams.
     *
     * @throws SieveToolException with Pigeonhole's last line when the script has errors
     */
    void run(String[] args, PrintStream out, PrintStream err) {
        ToolArgs options;
        try {
            options = ToolArgs.parse(TOOL, args, "", "");
        } catch (ToolArgs.BadOption e) {
            out.print(USAGE);
            err.println(e.getMessage());
            throw new SieveToolException(EX_USAGE, TOOL + ": Fatal: Unknown argument: ?");
        }
        if (options.help()) {
            out.print(HELP);
            return;
        }
        List<String> operands = options.operands();
        if (operands.isEmpty() || operands.size() > 2) {
            out.print(USAGE);
            throw new SieveToolException(TOOL + ": Fatal: " + (operands.isEmpty() ? "Missing <script-file> argument"
                    : "Unknown argument: " + operands.get(2)));
        }
        String script = operands.get(0);
        if (ScriptFiles.compile(engine, parameters.home().resolve(script), err) == null) {
            throw new SieveToolException(TOOL + ": Fatal: failed to compile sieve script '" + script + "'");
        }
    }
}
