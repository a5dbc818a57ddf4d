package dev.tollgate.cli.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of the repository's policy files that an officer changes and checks before it goes live, laid out as in
 * the repository: {@code policies/} (the Drools packs), {@code opa-bundles/tollgate/} (the Rego bundle) and
 * {@code features/} (the scenarios, with their registry.yaml).
 */
public record PolicyCopy(Path root) {
    public static final String DROOLS = "policies";
    public static final String REGO = "opa-bundles/tollgate";
    public static final String FEATURES = "features";

    public PolicyCopy {
        root = root.toAbsolutePath().normalize();
    }

    public Path droolsDir() {
        return root.resolve(DROOLS);
    }

    public Path regoDir() {
        return root.resolve(REGO);
    }

    public Path featuresDir() {
        return root.resolve(FEATURES);
    }

    /** The folders of the layout that are not there, as "policies/"; empty when the copy is complete. */
    public List<String> missing(boolean withFeatures) {
        List<String> missing = new ArrayList<>();
        List<String> needed = withFeatures ? List.of(DROOLS, REGO, FEATURES) : List.of(DROOLS, REGO);
        for (String folder : needed) {
            if (!Files.isDirectory(root.resolve(folder))) {
                missing.add(folder + "/");
            }
        }
        return missing;
    }
}
