package dev.tollgate.policy.rego;

import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Rego pack: a package {@code tollgate.<name>} in the bundle that exposes {@code verdict} (the
 * partial verdict) and {@code rules} (rule id to basis and message). Its pack name is the name of the
 * Drools folder with the same rules, so reasons and verdicts of both engines line up.
 *
 * @param name      pack name as recorded in reasons, e.g. "eu-ai-act"
 * @param rulesPath the package's path under data, e.g. "tollgate/ai_act"
 */
public record RegoPack(String name, String rulesPath) {
    /** Packages of the shipped bundle whose pack name is not their last segment. */
    public static final Map<String, String> SHIPPED_PACK_NAMES = Map.of(
            "ai_act", "eu-ai-act",
            "residency", "data-residency");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+tollgate\\.([a-z][a-z0-9_]*)\\s*$");

    public String verdictEntrypoint() {
        return rulesPath + "/verdict";
    }

    public String rulesEntrypoint() {
        return rulesPath + "/rules";
    }

    /** The id prefix every rule of the pack starts with: the Drools packs' convention. */
    public String idPrefix() {
        return switch (name) {
            case "eu-ai-act" -> "ai-act.";
            case "data-residency" -> "residency.";
            default -> name + ".";
        };
    }

    /**
     * The packs of a bundle, sorted by pack name: every {@code package tollgate.<name>} declared in a
     * .rego file that is not a test (*_test.rego).
     */
    public static List<RegoPack> discover(Path bundleDir) throws PolicyLoadException {
        Map<String, RegoPack> byPackage = new TreeMap<>();
        try {
            for (Path relative : PolicyFiles.list(bundleDir)) {
                String file = PolicyFiles.unixPath(relative);
                if (!file.endsWith(".rego") || file.endsWith("_test.rego")) {
                    continue;
                }
                Matcher m = PACKAGE.matcher(Files.readString(bundleDir.resolve(relative)));
                if (m.find()) {
                    String pkg = m.group(1);
                    byPackage.put(pkg, new RegoPack(SHIPPED_PACK_NAMES.getOrDefault(pkg, pkg), "tollgate/" + pkg));
                }
            }
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "cannot read bundle: " + e.getMessage())));
        }
        if (byPackage.isEmpty()) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0,
                    "no policy packs: a pack is a .rego file declaring package tollgate.<name>")));
        }
        List<RegoPack> packs = new ArrayList<>(byPackage.values());
        packs.sort(Comparator.comparing(RegoPack::name));
        return List.copyOf(packs);
    }
}
