package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.pii.NormalizedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The evasion set, eval/evasion/cases.jsonl: values of every entity type written to slip past a filter. */
public final class EvasionSet {
    public static final Path FILE = TestService.ROOT.resolve("eval/evasion/cases.jsonl");

    /**
     * One case.
     *
     * @param evasion   the trick, e.g. "zero-width space inside"
     * @param value     the exact substring of {@code text} that must be masked
     * @param canonical the value written plainly, e.g. "DE89 3704 0044 0532 0130 00"
     */
    public record Case(String id, String type, String evasion, String text, String value, String canonical) {
        public Case {
            if (!text.contains(value)) {
                throw new IllegalArgumentException(id + ": value is not in the text");
            }
        }

        public int start() {
            return text.indexOf(value);
        }

        public int end() {
            return start() + value.length();
        }

        /** The masked text reveals nothing of the value and keeps none of the invisible characters inside it. */
        public boolean isMaskedIn(String masked) {
            String rest = text.substring(0, start()) + text.substring(end());
            return !Leaks.reveals(masked, this) && value.codePoints().filter(NormalizedText::isDropped)
                    .allMatch(cp -> masked.indexOf(cp) < 0 || rest.indexOf(cp) >= 0);
        }

        @Override
        public String toString() {
            return id + " (" + evasion + ")";
        }
    }

    private EvasionSet() {
    }

    /**
     * The cases for which {@code masked} is false, after printing how many passed per type under {@code title}.
     */
    public static List<Case> failures(String title, List<Case> cases, Predicate<Case> masked) {
        Map<String, int[]> passedOfTotal = new TreeMap<>();
        List<Case> failed = new ArrayList<>();
        for (Case c : cases) {
            int[] counts = passedOfTotal.computeIfAbsent(c.type(), t -> new int[2]);
            counts[1]++;
            if (masked.test(c)) {
                counts[0]++;
            } else {
                failed.add(c);
            }
        }
        StringBuilder report = new StringBuilder(title).append(": ").append(cases.size() - failed.size())
                .append('/').append(cases.size()).append(" masked\n");
        passedOfTotal.forEach((type, counts) -> report.append(String.format("  %-16s %3d/%3d%n", type, counts[0],
                counts[1])));
        System.out.print(report);
        return failed;
    }

    public static List<Case> cases() {
        try {
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(FILE)) {
                if (!line.isBlank()) {
                    JsonNode c = Json.MAPPER.readTree(line);
                    cases.add(new Case(c.get("id").asText(), c.get("type").asText(), c.get("evasion").asText(),
                            c.get("text").asText(), c.get("value").asText(), c.get("canonical").asText()));
                }
            }
            return List.copyOf(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
