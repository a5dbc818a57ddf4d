package dev.tollgate.policy.drools;

import dev.tollgate.policy.PolicyProblem;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of a pack is written, so that a problem found on the compiled rule points a person at
 * the source: the line of its {@code rule "..."} declaration in a DRL file, the row in a decision table.
 */
final class RuleLocations {
    private static final Pattern RULE_DECLARATION =
            Pattern.compile("(?m)^[ \\t]*rule[ \\t]+(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");

    /** A place in a policy file; line is the table row for decision tables, 0 when unknown. */
    record Location(String file, int line) {
        PolicyProblem problem(String message) {
            return new PolicyProblem(file, line, message);
        }
    }

    private final String packFolder;
    private final Map<String, Location> byRule = new HashMap<>();

    RuleLocations(String packFolder) {
        this.packFolder = packFolder;
    }

    void addDrl(String file, String source) {
        Matcher m = RULE_DECLARATION.matcher(source);
        while (m.find()) {
            byRule.putIfAbsent(ruleName(m), new Location(file, lineOf(source, m.start())));
        }
    }

    /** @param generatedDrl the DRL Drools generates from the table, whose rules carry their row in a comment */
    void addTable(String file, String generatedDrl) {
        Matcher m = RULE_DECLARATION.matcher(generatedDrl);
        while (m.find()) {
            int line = lineOf(generatedDrl, m.start());
            byRule.putIfAbsent(ruleName(m), new Location(file, DecisionTables.rowAt(generatedDrl, line)));
        }
    }

    /** Where the rule is declared; the pack folder when it cannot be found in the sources. */
    Location of(String ruleName) {
        return byRule.getOrDefault(ruleName, new Location(packFolder, 0));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String ruleName(Matcher m) {
        for (int group = 1; group <= 3; group++) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("rule declaration without a name");
    }
}
