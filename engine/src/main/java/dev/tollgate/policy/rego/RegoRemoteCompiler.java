package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Loads the Rego packs for evaluation by a remote OPA server. The local bundle directory is the policy
 * version (its digest) and must be what the server serves: the server's bundles (data.system.bundles)
 * must include the local .manifest revision, or the version is refused. No opa binary is needed.
 */
public final class RegoRemoteCompiler implements PolicyCompiler {
    private final URI opaUrl;
    private final Duration timeout;

    /** @param timeout for connecting and for each Data API request; a slower answer fails the decision closed */
    public RegoRemoteCompiler(URI opaUrl, Duration timeout) {
        this.opaUrl = Objects.requireNonNull(opaUrl);
        this.timeout = Objects.requireNonNull(timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    @Override
    public RegoRemotePolicy compile(Path bundleDir) throws PolicyLoadException {
        if (!Files.isDirectory(bundleDir)) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "bundle directory " + bundleDir + " not found")));
        }
        BundleManifest manifest = BundleManifest.read(bundleDir);
        if (manifest.revision().isEmpty()) {
            throw new PolicyLoadException(List.of(new PolicyProblem(BundleManifest.FILE, 0,
                    "a revision is needed to check which bundle OPA at " + opaUrl + " serves")));
        }
        String digest = RegoWasmCompiler.digest(bundleDir);
        List<RegoPack> packs = RegoPack.discover(bundleDir);
        OpaDataApi opa = new OpaDataApi(opaUrl, timeout);
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        try {
            TreeSet<String> served = servedRevisions(opa);
            if (!served.contains(manifest.revision())) {
                throw new PolicyLoadException(List.of(new PolicyProblem(BundleManifest.FILE, 0, "OPA at " + opaUrl
                        + " serves bundle revision(s) " + served + ", not " + manifest.revision())));
            }
            for (RegoPack pack : packs) {
                JsonNode document = opa.await(opa.query(pack.rulesEntrypoint(), null)).result();
                rules.put(pack.name(), PackRules.check(pack, document, problems));
            }
        } catch (EngineException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return new RegoRemotePolicy(digest, manifest.revision(), packs, rules, opa);
    }

    private static TreeSet<String> servedRevisions(OpaDataApi opa) {
        TreeSet<String> revisions = new TreeSet<>();
        opa.await(opa.query("system/bundles", null)).result()
                .forEach(bundle -> revisions.add(bundle.path("manifest").path("revision").asText("")));
        return revisions;
    }
}
