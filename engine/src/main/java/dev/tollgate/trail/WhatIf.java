package dev.tollgate.trail;

import dev.tollgate.audit.PolicyStore;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.Reason;
import dev.tollgate.replay.Replayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Replays the decisions of a time range with a candidate policy in place of one engine's recorded versions, and
 * says which decisions would change: counted by the rules that would fire or stop firing and by the route they
 * would take instead, each with its outcome before and after.
 */
public final class WhatIf {
    /** Changed decisions listed in a result at most; the counts cover all. */
    public static final int LISTED = 200;

    private final AuditTrail trail;
    private final PolicyStore store;
    private final Map<String, PolicyCompiler> compilers;

    /** @param compilers engine name ("drools", "rego") -> the compiler of its policy directories */
    public WhatIf(AuditTrail trail, PolicyStore store, Map<String, PolicyCompiler> compilers) {
        this.trail = trail;
        this.store = store;
        this.compilers = Map.copyOf(compilers);
    }

    /**
     * A candidate: a stored version of an engine's policy ({@code base}, or the latest in force when null) with
     * {@code files} (path inside the policy directory -> content) laid over it; no files: the stored version
     * itself.
     */
    public record Candidate(String engine, String base, Map<String, String> files) {
        public Candidate {
            files = files == null ? Map.of() : Map.copyOf(files);
        }
    }

    public record Changed(String decisionId, String time, Outcome before, Outcome after) {
    }

    /**
     * @param byRule   rule -> changed decisions where it fired before and not after, or after and not before
     * @param byRoute  "before -> after" destination ("none" when denied) -> changed decisions
     * @param changed  the first {@link #LISTED} changed decisions, oldest first
     */
    public record Result(String engine, String base, String candidate, long replayed, long changedCount,
                         Map<String, Long> byRule, Map<String, Long> byRoute, List<Changed> changed) {
    }

    /** A candidate that names no engine, version or file this service has. */
    public static final class BadCandidateException extends Exception {
        BadCandidateException(String message) {
            super(message);
        }
    }

    public Result run(DecisionFilter range, Candidate candidate)
            throws IOException, PolicyLoadException, BadCandidateException {
        PolicyCompiler compiler = compilers.get(candidate.engine());
        if (compiler == null) {
            throw new BadCandidateException("unknown engine \"" + candidate.engine() + "\"; allowed: "
                    + new TreeSet<>(compilers.keySet()));
        }
        String base = candidate.base() != null ? candidate.base() : latest(candidate.engine());
        Path stored;
        try {
            stored = store.get(candidate.engine(), base).orElseThrow(() -> new BadCandidateException(
                    "policy version " + base + " of engine " + candidate.engine() + " is not in the policy store"));
        } catch (IllegalArgumentException e) {
            throw new BadCandidateException(e.getMessage());
        }
        Path dir = Files.createTempDirectory("tollgate-what-if");
        try {
            CompiledPolicy policy = compiler.compile(laidOver(stored, candidate.files(), dir));
            Map<String, Instant> times = trail.decisionTimes(range);
            List<Replayer.Replayed> replayed = trail.source().read(records -> new Replayer(store, compilers)
                    .replay(records, List.of(policy), entry -> times.containsKey(entry.json().path("decision_id")
                            .asText()) && "decision".equals(entry.json().path("type").asText())));
            return result(candidate.engine(), base, policy.digest(), replayed, times);
        } finally {
            PolicyStore.deleteRecursively(dir);
        }
    }

    private String latest(String engine) throws IOException, BadCandidateException {
        return trail.policies().stream().filter(period -> period.engine().equals(engine))
                .max(Comparator.comparing(period -> Instant.parse(period.to()))).map(AuditTrail.PolicyPeriod::version)
                .orElseThrow(() -> new BadCandidateException("no decision of engine " + engine
                        + " is logged: name a base version"));
    }

    private static Path laidOver(Path stored, Map<String, String> files, Path dir)
            throws IOException, BadCandidateException {
        for (Path file : PolicyFiles.list(stored)) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.copy(stored.resolve(file), dir.resolve(file));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey()).normalize();
            if (!target.startsWith(dir) || target.equals(dir) || Path.of(file.getKey()).isAbsolute()) {
                throw new BadCandidateException("not a path inside the policy directory: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return dir;
    }

    private static Result result(String engine, String base, String candidate, List<Replayer.Replayed> replayed,
                                 Map<String, Instant> times) {
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byRoute = new TreeMap<>();
        List<Changed> changed = new ArrayList<>();
        long count = 0;
        for (Replayer.Replayed one : replayed) {
            if (one.matches()) {
                continue;
            }
            count++;
            Set<String> before = rules(one.recorded());
            Set<String> after = rules(one.replayed());
            Stream.concat(before.stream().filter(rule -> !after.contains(rule)),
                            after.stream().filter(rule -> !before.contains(rule)))
                    .forEach(rule -> byRule.merge(rule, 1L, Long::sum));
            String from = AuditTrail.routeOf(one.recorded());
            String to = AuditTrail.routeOf(one.replayed());
            if (!from.equals(to)) {
                byRoute.merge(from + " -> " + to, 1L, Long::sum);
            }
            if (changed.size() < LISTED) {
                changed.add(new Changed(one.decisionId(), times.get(one.decisionId()).toString(), one.recorded(),
                        one.replayed()));
            }
        }
        return new Result(engine, base, candidate, replayed.size(), count, byRule, byRoute, changed);
    }

    private static Set<String> rules(Outcome outcome) {
        Set<String> rules = new TreeSet<>();
        outcome.reasons().stream().map(Reason::rule).forEach(rules::add);
        return rules;
    }
}
