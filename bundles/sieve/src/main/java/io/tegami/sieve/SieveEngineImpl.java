package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCompileException;
import io.tegami.api.sieve.SieveEngine;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveExtension;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveResult;
import io.tegami.api.sieve.SieveRuntimeException;
import io.tegami.api.sieve.SieveScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sieve engine service. Extensions arrive and leave as {@link SieveExtension} services; a
 * script compiled while an extension was present keeps working with it (it holds the commands).
 */
@Component(service = SieveEngine.class)
public final class SieveEngineImpl implements SieveEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SieveEngineImpl.class);

    private final List<SieveExtension> extensions = new CopyOnWriteArrayList<>();
    private volatile Registry registry;

    /** For DS: extensions come through {@link #addExtension}. */
    public SieveEngineImpl() {
        extensions.add(new CoreExtension());
        registry = new Registry(extensions);
    }

    /** For tests and embedding: the core plus these extensions. */
    public SieveEngineImpl(Collection<? extends SieveExtension> with) {
        this();
        with.forEach(this::addExtension);
    }

    /** Every extension shipped in this bundle, as the DS components would register them. */
    public static SieveEngineImpl withBundledExtensions() {
        return new SieveEngineImpl(BundledExtensions.all());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExtension(SieveExtension extension) {
        extensions.add(extension);
        registry = new Registry(extensions);
    }

    void removeExtension(SieveExtension extension) {
        extensions.remove(extension);
        registry = new Registry(extensions);
    }

    @Override
    public Set<String> extensions() {
        return registry.names();
    }

    @Override
    public SieveScript compile(String name, String text) throws SieveCompileException {
        List<Node> commands;
        try {
            commands = Parser.parse(text);
        } catch (SieveCompileException e) {
            throw new SieveCompileException(e.errors(), true);
        }
        Validator validator = new Validator(registry);
        Set<String> required = validator.validate(commands);
        return new CompiledScript(name, Set.copyOf(required), commands, validator.warnings());
    }

    @Override
    public SieveResult execute(SieveScript script, SieveMessage message, SieveEnvelope envelope, SieveLimits limits,
            SieveEnvironment environment) {
        CompiledScript compiled = (CompiledScript) script;
        Run run = new Run(message, envelope, compiled.requiredExtensions(), limits, environment);
        run.includes(this);
        Interpreter interpreter = new Interpreter(run);
        try {
            interpreter.execute(compiled.commands());
        } catch (SieveRuntimeException e) {
            LOG.info("sieve: {}: line {}: error: {}", script.name(), interpreter.line(), e.getMessage());
            return SieveResult.failed(e.getMessage(), interpreter.line());
        } catch (RuntimeException e) {
            // A broken plugin command must not lose mail: fall back to the implicit keep.
            LOG.warn("sieve: {}: line {}: internal error", script.name(), interpreter.line(), e);
            return SieveResult.failed("internal error: " + e, interpreter.line());
        }
        run.finish();
        List<String> keepFlags = run.requires("imap4flags") ? Imap4flagsExtension.flags(run) : List.of();
        List<SieveAction> actions = new ArrayList<>(run.actions());
        return new SieveResult(actions, !run.actionList().implicitKeepCancelled(), keepFlags, run.headerEdits(), null, 0);
    }
}
