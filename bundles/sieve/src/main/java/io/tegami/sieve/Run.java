package io.tegami.sieve;

import io.tegami.api.sieve.SieveAction;
import io.tegami.api.sieve.SieveCall;
import io.tegami.api.sieve.SieveComparator;
import io.tegami.api.sieve.SieveEnvelope;
import io.tegami.api.sieve.SieveEnvironment;
import io.tegami.api.sieve.SieveLimits;
import io.tegami.api.sieve.SieveMatchType;
import io.tegami.api.sieve.SieveMessage;
import io.tegami.api.sieve.SieveRuntime;
import io.tegami.api.sieve.SieveRuntimeException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The state of one script run on one message: actions, variables, limits. */
final class Run implements SieveRuntime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SieveMessage message;
    private final SieveEnvelope envelope;
    /** The variables and capabilities of the script running now (include switches them). */
    static final class Scope {
        final Set<String> required;
        final Map<String, String> locals = new HashMap<>();
        final Set<String> globalNames = new java.util.HashSet<>();

        Scope(Set<String> required) {
            this.required = required;
        }
    }

    private Scope scope;
    private final Map<String, String> globals = new HashMap<>();
    private Includes includes;
    private final SieveLimits limits;
    private final ActionList actions;
    private final Map<String, Object> state = new HashMap<>();
    private List<String> matchValues = List.of();
    private final long cpuStart;
    private final SieveEnvironment environment;
    /** Work to do once the run has succeeded (such as marking duplicates). */
    private final List<Runnable> onSuccess = new ArrayList<>();

    Run(SieveMessage message, SieveEnvelope envelope, Set<String> required, SieveLimits limits,
            SieveEnvironment environment) {
        this.environment = environment;
        // With editheader, tests see the edited header (RFC 5293 section 3).
        this.message = required.contains("editheader") ? new EditedMessage(message) : message;
        this.envelope = envelope;
        this.scope = new Scope(required);
        this.limits = limits;
        this.actions = new ActionList(limits);
        this.cpuStart = cpuNow();
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Fails the run once it used more CPU time than {@code sieve_max_cpu_time}. */
    void checkCpu() throws SieveRuntimeException {
        if (!limits.cpuTime().isZero() && cpuNow() - cpuStart > limits.cpuTime().toNanos()) {
            throw new SieveRuntimeException("execution exceeded CPU time limit");
        }
    }

    @Override
    public void afterSuccess(Runnable task) {
        onSuccess.add(task);
    }

    /** Called after a successful run. */
    void finish() {
        onSuccess.forEach(Runnable::run);
    }

    /** The editheader changes made, for the result. */
    List<io.tegami.api.sieve.SieveResult.HeaderEdit> headerEdits() {
        return message instanceof EditedMessage edited ? edited.edits() : List.of();
    }

    @Override
    public SieveEnvironment environment() {
        return environment;
    }

    ActionList actionList() {
        return actions;
    }

    @Override
    public SieveMessage message() {
        return message;
    }

    @Override
    public SieveEnvelope envelope() {
        return envelope;
    }

    @Override
    public boolean requires(String extension) {
        return scope.required.contains(extension);
    }

    /** Switches to a new script's scope; returns the previous one for {@link #leave}. */
    Scope enter(Set<String> required) {
        Scope previous = scope;
        scope = new Scope(required);
        return previous;
    }

    void leave(Scope previous) {
        scope = previous;
    }

    /** Makes a variable name of the current script refer to the global one (RFC 6609 section 3.3). */
    void declareGlobal(String name) {
        scope.globalNames.add(CoreMatching.lower(name));
    }

    /** The include state of this run, created with the engine that compiles included scripts. */
    Includes includes(SieveEngineImpl engine) {
        if (includes == null) {
            includes = new Includes(engine, this);
        }
        return includes;
    }

    Includes includes() {
        return includes;
    }

    @Override
    public boolean match(SieveCall call, List<String> values, List<String> keys) throws SieveRuntimeException {
        Node node = call instanceof RuntimeCall rc ? rc.node() : (Node) call;
        SieveComparator cmp = node.comparator != null ? node.comparator : CoreMatching.CASEMAP;
        SieveMatchType type = node.matchType != null ? node.matchType : CoreMatching.IS;
        String argument = type.argument() == io.tegami.api.sieve.SieveArgumentType.NONE ? null
                : call.tagString(type.tag());
        List<String> captures = new ArrayList<>();
        boolean matched = type.matches(cmp, argument, values, keys, captures);
        // RFC 5229 3.2: match variables change only when a capturing match type succeeds.
        if (matched && !captures.isEmpty()) {
            matchValues = List.copyOf(captures);
        }
        return matched;
    }

    @Override
    public List<String> addressParts(SieveCall call, List<String> headerValues) {
        Node node = call instanceof RuntimeCall rc ? rc.node() : (Node) call;
        return Addresses.parts(headerValues, node.addressPart != null ? node.addressPart : CoreMatching.ALL);
    }

    @Override
    public void addAction(SieveAction action) throws SieveRuntimeException {
        actions.add(action);
    }

    @Override
    public List<SieveAction> actions() {
        return actions.actions();
    }

    @Override
    public String variable(String name) {
        return variables(name).getOrDefault(local(name), "");
    }

    @Override
    public void setVariable(String name, String value) {
        variables(name).put(local(name), value);
    }

    /** The map a name lives in: globals for "global.x" and declared globals, else the script's own. */
    private Map<String, String> variables(String name) {
        String n = CoreMatching.lower(name);
        return n.startsWith("global.") || scope.globalNames.contains(n) ? globals : scope.locals;
    }

    private static String local(String name) {
        String n = CoreMatching.lower(name);
        return n.startsWith("global.") ? n.substring("global.".length()) : n;
    }

    /** Match variable ${n}, empty when out of range. */
    String matchVariable(int index) {
        return index < matchValues.size() ? matchValues.get(index) : "";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T state(String key, Supplier<T> initial) {
        return (T) state.computeIfAbsent(key, k -> initial.get());
    }
}
