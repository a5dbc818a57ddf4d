package dev.tollgate.policy;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps one engine's policy directory loaded: compiles it at start, then watches it and activates each
 * new version that compiles. A version that does not compile never replaces the active one; its problems
 * stay readable in {@link #lastProblems()} until a later version compiles.
 * Engine-agnostic: the compiler decides what the files mean.
 */
public final class PolicyReloader implements AutoCloseable {
    private static final Logger LOG = System.getLogger(PolicyReloader.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    /** A version that became active, with the files it was compiled from (relative to dir). */
    public record Activation(CompiledPolicy policy, Path dir, List<Path> files) {
        public Activation {
            files = List.copyOf(files);
        }
    }

    private final String engine;
    private final Path dir;
    private final PolicyCompiler compiler;
    private final Duration pollInterval;
    private final Consumer<Activation> onActivate;

    private final AtomicReference<CompiledPolicy> active = new AtomicReference<>();
    private final ReentrantLock loading = new ReentrantLock();
    private volatile List<PolicyProblem> lastProblems = List.of();
    private final LongAdder failedReloads = new LongAdder();
    private String lastSeenDigest;
    private ScheduledExecutorService poller;

    /** @param compiler owned from now on: {@link #close()} closes it */
    public PolicyReloader(String engine, Path dir, PolicyCompiler compiler, Duration pollInterval,
                          Consumer<Activation> onActivate) {
        this.engine = Objects.requireNonNull(engine);
        this.dir = Objects.requireNonNull(dir);
        this.compiler = Objects.requireNonNull(compiler);
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.onActivate = Objects.requireNonNull(onActivate);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /**
     * Compiles and activates the directory, then starts watching it.
     *
     * @throws PolicyLoadException when the first version does not compile: the service must not run without policies
     */
    public void start() throws PolicyLoadException {
        loading.lock();
        try {
            if (poller != null || active.get() != null) {
                throw new IllegalStateException(engine + " policy reloader already started");
            }
            Snapshot snapshot = snapshot();
            Compiled first = snapshot == null ? null : compile(snapshot);
            if (first == null) {
                throw new PolicyLoadException(lastProblems);
            }
            activate(first);
            poller = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("policy-reloader-" + engine).factory());
            long millis = pollInterval.toMillis();
            poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        } finally {
            loading.unlock();
        }
    }

    /** The active version; null only before {@link #start()} succeeded. */
    public CompiledPolicy current() {
        return active.get();
    }

    /** Versions of the policy directory that were not activated, and polls that failed, since the start. */
    public long failedReloads() {
        return failedReloads.sum();
    }

    /** Problems of the latest version that failed to compile; empty once a later version compiled. */
    public List<PolicyProblem> lastProblems() {
        return lastProblems;
    }

    /**
     * Looks at the directory now instead of waiting for the next poll (tests, SIGHUP).
     *
     * @return true when a new version was activated
     */
    public boolean reloadNow() {
        loading.lock();
        try {
            if (active.get() == null) {
                throw new IllegalStateException(engine + " policy reloader not started");
            }
            Snapshot snapshot = snapshot();
            if (snapshot == null || snapshot.digest().equals(lastSeenDigest)) {
                return false;
            }
            if (snapshot.digest().equals(active.get().digest())) {
                // Changed back to the active version after a broken edit: nothing to compile.
                lastSeenDigest = snapshot.digest();
                lastProblems = List.of();
                LOG.log(Level.INFO, "{0} policy back to active version {1}", engine, snapshot.digest());
                return false;
            }
            Compiled candidate = compile(snapshot);
            if (candidate == null) {
                return false;
            }
            activate(candidate);
            return true;
        } finally {
            loading.unlock();
        }
    }

    /** Stops watching and closes the compiler; the active version stays readable. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        loading.lock();
        try {
            stopping = poller;
        } finally {
            loading.unlock();
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        compiler.close();
    }

    private void poll() {
        try {
            reloadNow();
        } catch (RuntimeException e) {
            // A failed poll must not end the schedule; the next one tries again.
            failedReloads.increment();
            LOG.log(Level.WARNING, engine + " policy reload failed", e);
        }
    }

    private record Snapshot(List<Path> files, String digest) {
    }

    private Snapshot snapshot() {
        try {
            List<Path> files = PolicyFiles.list(dir);
            return new Snapshot(files, PackDigest.of(dir, files));
        } catch (IOException | RuntimeException e) {
            // Typically a file removed between listing and reading; the next poll sees a settled tree.
            report(List.of(new PolicyProblem(".", 0, "cannot read policy directory: " + e.getMessage())));
            return null;
        }
    }

    private record Compiled(CompiledPolicy policy, Snapshot snapshot) {
    }

    /** Compiles the directory; null, with the problems reported, when it does not compile. */
    private Compiled compile(Snapshot snapshot) {
        Snapshot before = snapshot;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CompiledPolicy policy;
            try {
                policy = compiler.compile(dir);
            } catch (PolicyLoadException e) {
                lastSeenDigest = before.digest();
                report(e.problems());
                return null;
            } catch (RuntimeException e) {
                lastSeenDigest = before.digest();
                report(List.of(new PolicyProblem(".", 0, "compiler failed: " + e)));
                return null;
            }
            Snapshot after = snapshot();
            if (after == null) {
                return null;
            }
            if (after.digest().equals(before.digest())) {
                return new Compiled(policy, before);
            }
            // Files changed while compiling: what was compiled may match neither version.
            before = after;
        }
        report(List.of(new PolicyProblem(".", 0, "policy files kept changing while being compiled")));
        return null;
    }

    private void activate(Compiled compiled) {
        // Hand the version over before any decision can use it, so that every decision's version is on record.
        onActivate.accept(new Activation(compiled.policy(), dir, compiled.snapshot().files()));
        CompiledPolicy previous = active.getAndSet(compiled.policy());
        lastSeenDigest = compiled.snapshot().digest();
        lastProblems = List.of();
        LOG.log(Level.INFO, "{0} policy {1} active (was {2}), rules per pack {3}", engine, compiled.policy().digest(),
                previous == null ? "none" : previous.digest(), compiled.policy().ruleCounts());
    }

    private void report(List<PolicyProblem> problems) {
        if (problems.equals(lastProblems)) {
            return;
        }
        failedReloads.increment();
        lastProblems = List.copyOf(problems);
        LOG.log(Level.WARNING, "{0} policy in {1} not activated, {2} problem(s); keeping {3}", engine, dir,
                problems.size(), active.get() == null ? "no version" : active.get().digest());
        for (PolicyProblem problem : problems) {
            LOG.log(Level.WARNING, "{0}", problem);
        }
    }
}
