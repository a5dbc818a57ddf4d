package dev.tollgate.policy.drools;

import dev.tollgate.policy.PolicyProblem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds one pack folder into a KieBase and checks that every rule in it is explainable.
 * Problems are collected, not thrown, so that one load reports every defect of every pack.
 */
final class PackCompiler {
    static final String GLOBAL = "verdict";
    private static final String RESOURCES = "src/main/resources/";
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.get();
    private final ClassLoader classLoader = PackCompiler.class.getClassLoader();
    private final CompiledPackCache cache;

    PackCompiler(CompiledPackCache cache) {
        this.cache = cache;
    }

    /**
     * @param files pack files by their path relative to the policy directory ("gdpr/gdpr.drl")
     * @return the pack, or empty when any problem was found in it
     */
    Optional<CompiledPack> compile(String pack, String idPrefix, Map<String, byte[]> files, List<PolicyProblem> problems) {
        int problemsBefore = problems.size();
        List<ReferenceSet> referenceSets = referenceSets(files, problems);
        Optional<CompiledPackCache.Stored> stored = cache.load(pack, idPrefix, files);
        if (stored.isPresent()) {
            return problems.size() > problemsBefore ? Optional.empty()
                    : Optional.of(new CompiledPack(pack, stored.get().kieBase(), referenceSets, stored.get().rules()));
        }
        long build = BUILDS.incrementAndGet();
        // Drools caches the DRL it generates from a table by the table's resource path, across builds:
        // a folder per build keeps two versions of one table (a reload, a replay) apart.
        String buildFolder = "build" + build + "/";
        KieFileSystem sources = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("dev.tollgate.policy", artifactId(pack), "0.0." + build);
        sources.generateAndWritePomXML(releaseId);
        RuleLocations locations = new RuleLocations(pack);
        Map<String, Table> tables = new HashMap<>();

        files.forEach((file, content) -> {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.equals("README.md") || name.equals(ReferenceFile.NAME)) {
                return;
            }
            if (name.endsWith(".drl")) {
                locations.addDrl(file, new String(content, StandardCharsets.UTF_8));
                sources.write(kie.getResources().newByteArrayResource(content)
                        .setSourcePath(RESOURCES + buildFolder + file).setResourceType(ResourceType.DRL));
            } else if (DecisionTables.isTable(name)) {
                addTable(file, RESOURCES + buildFolder + file, content, sources, locations, tables, problems);
            } else {
                problems.add(new PolicyProblem(file, 0,
                        "unsupported file type; a pack holds .drl, .csv, .xlsx, reference.json and README.md"));
            }
        });

        KieBuilder builder = kie.newKieBuilder(sources, classLoader).buildAll();
        reportBuildErrors(pack, buildFolder, builder.getResults().getMessages(Message.Level.ERROR), tables, problems);
        if (problems.size() > problemsBefore) {
            kie.getRepository().removeKieModule(releaseId);
            return Optional.empty();
        }
        KieBase kieBase = kie.newKieContainer(releaseId, classLoader).getKieBase();
        // The module is only needed to make the KieBase; the repository would otherwise keep every version.
        kie.getRepository().removeKieModule(releaseId);

        List<String> rules = checkRules(pack, idPrefix, kieBase, locations, problems);
        checkGlobal(pack, kieBase, rules.size(), problems);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        cache.store(pack, idPrefix, files, kieBase, rules);
        return Optional.of(new CompiledPack(pack, kieBase, referenceSets, rules));
    }

    private static List<ReferenceSet> referenceSets(Map<String, byte[]> files, List<PolicyProblem> problems) {
        List<ReferenceSet> sets = new ArrayList<>();
        files.forEach((file, content) -> {
            if (file.endsWith("/" + ReferenceFile.NAME)) {
                sets.addAll(ReferenceFile.parse(file, content, problems));
            }
        });
        return sets;
    }

    private static void addTable(String file, String sourcePath, byte[] content, KieFileSystem sources,
                                 RuleLocations locations, Map<String, Table> tables, List<PolicyProblem> problems) {
        String generated;
        try {
            generated = DecisionTables.generatedDrl(sourcePath, content);
        } catch (RuntimeException e) {
            // The table's layout is wrong (unknown column header, code in a data row, unreadable file).
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replace("[" + sourcePath + "] ", "");
            problems.add(new PolicyProblem(file, DecisionTables.rowNamedIn(message), "decision table: " + oneLine(message)));
            return;
        }
        tables.put(file, new Table(generated, content));
        locations.addTable(file, generated);
        sources.write(DecisionTables.resource(sourcePath, content));
    }

    private static void reportBuildErrors(String pack, String buildFolder, List<Message> errors,
                                          Map<String, Table> tables, List<PolicyProblem> problems) {
        Set<String> filesWithErrors = new HashSet<>();
        for (Message error : errors) {
            if (!error.getText().contains(NULL_PACKAGE)) {
                filesWithErrors.add(error.getPath());
            }
        }
        for (Message error : errors) {
            String file = error.getPath() == null ? pack : error.getPath().replaceFirst("^" + buildFolder, "");
            if (error.getText().contains(NULL_PACKAGE) && filesWithErrors.contains(error.getPath())) {
                continue;
            }
            Table table = tables.get(file);
            if (table == null) {
                problems.add(new PolicyProblem(file, Math.max(0, error.getLine()), oneLine(error.getText())));
            } else {
                // Drools reports lines of the DRL it generated from the table; a person needs the row and the cell.
                String text = oneLine(error.getText()).replaceAll("Line \\d+:\\d+ ", "");
                int row = DecisionTables.rowAt(table.generatedDrl(), error.getLine());
                String cell = table.cellAt(file, row);
                problems.add(new PolicyProblem(file, row, cell.isEmpty() ? text : cell + ": " + text));
            }
        }
    }

    /** A decision table of the pack: the DRL Drools generated from it, and its bytes to find a broken cell in. */
    private record Table(String generatedDrl, byte[] content, Map<Integer, String> blamedCells) {
        Table(String generatedDrl, byte[] content) {
            this(generatedDrl, content, new HashMap<>());
        }

        /** The broken cell of a row of a CSV table, looked for once per row; "" when not found. */
        String cellAt(String file, int row) {
            if (row == 0 || !file.endsWith(".csv")) {
                return "";
            }
            return blamedCells.computeIfAbsent(row, r -> TableCells.blame(file, content, r));
        }
    }

    /** @return the ids of the pack's rules */
    private static List<String> checkRules(String pack, String idPrefix, KieBase kieBase, RuleLocations locations,
                                  List<PolicyProblem> problems) {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            rules.addAll(kiePackage.getRules());
        }
        if (rules.isEmpty()) {
            problems.add(new PolicyProblem(pack, 0, "pack '" + pack + "' compiled to zero rules"));
        }
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            RuleLocations.Location where = locations.of(rule.getName());
            RuleConventions.check(rule, idPrefix, where, problems);
            if (!ids.add(rule.getName())) {
                problems.add(where.problem("rule id '" + rule.getName() + "' is used more than once in pack '" + pack + "'"));
            }
        }
        return rules.stream().map(Rule::getName).toList();
    }

    private static void checkGlobal(String pack, KieBase kieBase, int ruleCount, List<PolicyProblem> problems) {
        if (ruleCount == 0) {
            return;
        }
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if (global.getName().equals(GLOBAL)) {
                    if (!global.getType().equals(VerdictCollector.class.getName())) {
                        problems.add(new PolicyProblem(pack, 0, "global '" + GLOBAL + "' must be declared as "
                                + VerdictCollector.class.getName() + ", not " + global.getType()));
                    }
                    return;
                }
            }
        }
        problems.add(new PolicyProblem(pack, 0, "pack '" + pack + "' does not declare 'global "
                + VerdictCollector.class.getName() + " " + GLOBAL + ";', so its rules cannot record a verdict"));
    }

    static String artifactId(String pack) {
        return pack.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
