package dev.tollgate.policy.rego;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An OPA bundle's {@code .manifest}: the revision recorded beside the digest, and the roots the bundle
 * owns. A bundle without a manifest has revision "" (the policy store keeps only visible files, so a
 * bundle restored for replay has none); a manifest that is present must be valid.
 */
public record BundleManifest(String revision, List<String> roots) {
    public static final String FILE = ".manifest";

    public BundleManifest {
        roots = List.copyOf(roots);
    }

    public static BundleManifest read(Path bundleDir) throws PolicyLoadException {
        Path file = bundleDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new BundleManifest("", List.of());
        }
        JsonNode manifest;
        try {
            manifest = Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw refused(at == null ? 0 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw refused(0, "cannot be read: " + e.getMessage());
        }
        if (manifest == null || !manifest.isObject()) {
            throw refused(1, "must be a JSON object with \"revision\" and \"roots\"");
        }
        JsonNode revision = manifest.path("revision");
        if (!revision.isMissingNode() && !revision.isTextual()) {
            throw refused(1, "\"revision\" must be a string");
        }
        JsonNode roots = manifest.path("roots");
        List<String> rootList = new ArrayList<>();
        if (!roots.isMissingNode()) {
            if (!roots.isArray()) {
                throw refused(1, "\"roots\" must be an array of strings");
            }
            for (JsonNode root : roots) {
                if (!root.isTextual()) {
                    throw refused(1, "\"roots\" must be an array of strings");
                }
                rootList.add(root.asText());
            }
        }
        return new BundleManifest(revision.asText(""), rootList);
    }

    private static PolicyLoadException refused(int line, String message) {
        return new PolicyLoadException(List.of(new PolicyProblem(FILE, line, message)));
    }
}
