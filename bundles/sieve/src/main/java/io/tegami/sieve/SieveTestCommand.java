package io.tegami.sieve;

import static io.tegami.api.console.ConsoleException.EX_USAGE;

import io.tegami.api.config.MailParameters;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code sieve-test} console command, as Pigeonhole's sieve-test(1): runs a script on a
 * message file and prints the actions it would take ({@code Performed actions:} /
 * {@code Implicit keep:}) without delivering anything. Paths are relative to Tegami's home.
 *
 * <p>Gogo calls a method {@code _main} for a function name that is no Java identifier, hence
 * the method name; it passes the function name as the first argument.
 */
@Component(service = SieveTestCommand.class, property = {
        "osgi.command.scope=tegami", "osgi.command.function=sieve-test"})
public final class SieveTestCommand {

    static final String TOOL = "sieve-test";

    static final String USAGE = """
            Usage: sieve-test [-a <orig-recipient-address>] [-e]
                              [-f <envelope-sender>] [-r <recipient-address>]
                              <script-file> <mail-file>
            """;

    static final String HELP = USAGE + """

            Runs the Sieve script on the message file and prints the actions it would perform, as
            Pigeonhole's sieve-test does; nothing is delivered. Paths are relative to Tegami's home.
              -f  envelope sender (default: the message's Return-Path, Sender or From)
              -r  final recipient (default: the message's Envelope-To or To)
              -a  original recipient (default: the final recipient)
              -e  accepted but not supported: the actions are printed, never executed
            Exit status: 0 when the script ran, 1 on any error (printed on standard error).
            """;

    private final SieveEngine engine;
    private final MailParameters parameters;

    /** Runs scripts with this engine; paths resolve against the parameters' home. */
    @Activate
    public SieveTestCommand(@Reference(name = "engine") SieveEngine engine,
            @Reference(name = "parameters") MailParameters parameters) {
        this.engine = engine;
        this.parameters = parameters;
    }

    /** Gogo's entry point for {@code sieve-test}. */
    @Descriptor("run a Sieve script on a message file and print its actions, like Pigeonhole's sieve-test")
    public void _main(@Descriptor("[-e] [-f sender] [-r recipient] [-a orig-recipient] script-file mail-file")
            String... args) {
        // Gogo passes the name it was called by (sieve-test, tegami:sieve-test) first.
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        run(rest, System.out, System.err);
    }

    /**
     * Does the work of {@link #_main} on these streams.
     *
     * @throws SieveToolException with Pigeonhole's last line when the run fails
     */
    void run(String[] args, PrintStream out, PrintStream err) {
        ToolArgs options;
        try {
            options = ToolArgs.parse(TOOL, args, "fra", "e");
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
        if (operands.size() != 2) {
            out.print(USAGE);
            throw new SieveToolException(EX_USAGE, TOOL + ": Fatal: " + (operands.isEmpty() ? "Missing <script-file> argument"
                    : operands.size() == 1 ? "Missing <mail-file> argument" : "Unknown argument: " + operands.get(2)));
        }
        if (options.flags().contains('e')) {
            err.println(TOOL + ": Warning: -e is not supported: the actions are printed, not executed");
        }
        TestEnvelope.check(options); // Pigeonhole checks the addresses first, then the script, then the mail
        Path home = parameters.home();
        Path scriptFile = home.resolve(operands.get(0));
        SieveScript script = ScriptFiles.compile(engine, scriptFile, err);
        if (script == null) {
            throw new SieveToolException(TOOL + ": Fatal: failed to compile sieve script");
        }
        Path mailFile = home.resolve(operands.get(1)).toAbsolutePath();
        FileMessage message;
        try {
            message = new FileMessage(mailFile);
        } catch (NoSuchFileException e) {
            throw new SieveToolException(TOOL + ": Fatal: Can't open delivery mail as raw (file=" + mailFile
                    + "): Mailbox doesn't exist: " + mailFile);
        } catch (IOException e) {
            throw new SieveToolException(TOOL + ": Fatal: Can't open delivery mail as raw (file=" + mailFile
                    + "): " + e.getMessage());
        }
        SieveEnvelope envelope = TestEnvelope.of(options, message);
        SieveResult result = engine.execute(script, message, envelope, SieveLimits.DEFAULT,
                new ToolEnvironment(scriptFile.toAbsolutePath().getParent(), parameters));
        if (!result.succeeded()) {
            err.println(SieveTestFormat.formatError(script.name(), result));
            throw new SieveToolException(1, TOOL + ": Info: final result: failed; resolved with successful implicit keep");
        }
        out.print(SieveTestFormat.format(result));
        err.println(TOOL + ": Info: final result: success");
    }
}
