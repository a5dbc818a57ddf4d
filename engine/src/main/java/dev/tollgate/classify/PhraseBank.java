package dev.tollgate.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences a corpus is composed from, for one language, by section: {@code [open]} and {@code [close]}
 * (neutral greetings and sign-offs), {@code [none]} (ordinary insurance and customer-service sentences,
 * hard negatives among them), one section per class label, and optionally {@code [<label>.terms]} with the
 * words a class sentence's {@code {term}} slot takes. Sentences may hold the slots
 * {@code {name}}, {@code {city}}, {@code {date}}, {@code {ref}}, {@code {amount}}, {@code {product}},
 * {@code {company}} and {@code {job}}, filled from Datafaker.
 */
record PhraseBank(String lang, Map<String, List<String>> sections) {
    PhraseBank {
        sections = Map.copyOf(sections);
    }

    static PhraseBank read(String lang, Reader source) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (BufferedReader reader = new BufferedReader(source)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = sections.computeIfAbsent(text.substring(1, text.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalArgumentException(lang + ": sentence before the first [section]: " + text);
                } else {
                    current.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PhraseBank(lang, sections);
    }

    List<String> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The lines of every section, even-numbered or odd-numbered, so one bank yields two disjoint sets. */
    PhraseBank half(int parity) {
        Map<String, List<String>> halves = new LinkedHashMap<>();
        sections.forEach((name, lines) -> {
            List<String> kept = new ArrayList<>();
            for (int i = parity; i < lines.size(); i += 2) {
                kept.add(lines.get(i));
            }
            halves.put(name, kept);
        });
        return new PhraseBank(lang, halves);
    }
}
