package dev.tollgate.policy.drools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes policy files into a test's temporary policy directory. */
final class PolicyDir {
    static final String HEADER = """
            package test;
            import dev.tollgate.facts.*;
            global dev.tollgate.policy.drools.VerdictCollector verdict;
            """;

    /** A rule whose fifth line, its condition, does not parse ("==="). */
    static final String SYNTAX_ERROR_RULE = """
            rule "gdpr.broken"
                @basis("GDPR Art. 9(1)")
                @message("Broken")
            when
                $cloud : DestinationFacts( kind === "cloud" )
            then
                verdict.forbid(kcontext, $cloud.id());
            end
            """;

    private PolicyDir() {
    }

    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
