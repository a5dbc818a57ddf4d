package dev.tollgate.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.datafaker.Faker;

/**
 * Labelled texts from phrase banks, deterministically for a seed.
 *
 * <p>{@link #sentences} gives the training samples: every sentence of the bank on its own, labelled with its
 * section (greetings, sign-offs and ordinary sentences as "none") and its {@code +<class>} marks. The words of
 * {@code [<class>.terms]} fill the {@code {term}} slots of the class's carrier sentences, each word two of them.
 *
 * <p>{@link #compose} gives the evaluation texts: an optional greeting, one or two sentences of sensitive classes or
 * none, ordinary sentences around them, an optional sign-off. About half carry no class. Classes and sentences are
 * dealt from shuffled decks, so every one is used before any is used again.
 *
 * <p>Slots take Datafaker names, cities, companies, products and jobs, and random dates, references and amounts.
 */
final class SensitivityCorpus {
    /** The classes the document categorizer learns; phi is derived (health or genetic plus identifier context). */
    static final List<String> DOCCAT_CLASSES = List.of("biometric", "genetic", "health", "payment_card",
            "political_opinions", "racial_ethnic_origin", "religious_beliefs", "sex_life_orientation",
            "trade_union_membership");

    private SensitivityCorpus() {
    }

    /** Every sentence of the bank as one labelled sample, {@code {term}} expanded with each of its class's terms. */
    static List<LabelledText> sentences(PhraseBank bank, long seed) {
        Random random = new Random(seed ^ bank.lang().hashCode());
        Faker faker = new Faker(Locale.of(bank.lang()), new Random(seed));
        List<LabelledText> samples = new ArrayList<>();
        for (String section : List.of("open", "close", "none")) {
            for (String line : bank.section(section)) {
                samples.add(new LabelledText(fill(line, faker, random), bank.lang(), List.of()));
            }
        }
        for (String cls : DOCCAT_CLASSES) {
            List<String> terms = bank.section(cls + ".terms");
            List<String> carriers = bank.section(cls).stream().filter(line -> line.contains("{term}")).toList();
            for (String line : bank.section(cls)) {
                Marked marked = Marked.of(cls, line);
                int carrier = carriers.indexOf(line);
                for (int t = 0; t < (carrier < 0 ? 1 : terms.size()); t++) {
                    // Each term goes into two of the carriers, not all: a class with many terms would otherwise
                    // outnumber "none" and pull every unfamiliar sentence towards itself.
                    if (carrier < 0 || t % carriers.size() == carrier || (t + 1) % carriers.size() == carrier) {
                        String sentence = carrier < 0 ? marked.sentence() : marked.sentence().replace("{term}", terms.get(t));
                        samples.add(new LabelledText(fill(sentence, faker, random), bank.lang(), List.copyOf(marked.classes())));
                    }
                }
            }
        }
        return samples;
    }

    static List<LabelledText> compose(PhraseBank bank, long seed, int count) {
        Random random = new Random(seed ^ bank.lang().hashCode());
        Faker faker = new Faker(Locale.of(bank.lang()), new Random(seed));
        Decks decks = new Decks(random);
        List<String> present = DOCCAT_CLASSES.stream().filter(c -> !bank.section(c).isEmpty()).toList();
        List<LabelledText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double roll = random.nextDouble();
            int classCount = roll < 0.45 ? 0 : roll < 0.9 ? 1 : 2;
            TreeSet<String> classes = new TreeSet<>();
            while (classes.size() < classCount) {
                classes.add(decks.deal("classes", present));
            }
            List<String> sentences = new ArrayList<>();
            for (String cls : List.copyOf(classes)) {
                Marked marked = Marked.of(cls, decks.deal(cls, bank.section(cls)));
                classes.addAll(marked.classes());
                String sentence = marked.sentence();
                sentences.add(sentence.contains("{term}")
                        ? sentence.replace("{term}", decks.deal(cls + ".terms", bank.section(cls + ".terms"))) : sentence);
            }
            int ordinary = classCount == 0 ? 1 + random.nextInt(2) : random.nextInt(2);
            for (int s = 0; s < ordinary; s++) {
                sentences.add(random.nextInt(sentences.size() + 1), decks.deal("none", bank.section("none")));
            }
            StringBuilder text = new StringBuilder();
            if (random.nextInt(3) == 0 && !bank.section("open").isEmpty()) {
                text.append(decks.deal("open", bank.section("open"))).append(' ');
            }
            text.append(String.join(" ", sentences));
            if (random.nextInt(3) == 0 && !bank.section("close").isEmpty()) {
                text.append(' ').append(decks.deal("close", bank.section("close")));
            }
            texts.add(new LabelledText(fill(text.toString(), faker, random), bank.lang(), List.copyOf(classes)));
        }
        return texts;
    }

    /**
     * A class sentence and every class it reveals: its section's, and those named by leading {@code +<class>}
     * marks ("+health The newborn's screening found phenylketonuria." in [genetic] is genetic and health).
     */
    private record Marked(Set<String> classes, String sentence) {
        static Marked of(String section, String line) {
            Set<String> classes = new TreeSet<>(List.of(section));
            String sentence = line;
            while (sentence.startsWith("+")) {
                int end = sentence.indexOf(' ');
                classes.add(sentence.substring(1, end));
                sentence = sentence.substring(end + 1);
            }
            return new Marked(classes, sentence);
        }
    }

    /** One shuffled deck per name, dealt from the top and reshuffled from its cards when it runs out. */
    private static final class Decks {
        private final Random random;
        private final Map<String, Deque<String>> decks = new HashMap<>();

        Decks(Random random) {
            this.random = random;
        }

        String deal(String name, List<String> cards) {
            Deque<String> deck = decks.computeIfAbsent(name, k -> new ArrayDeque<>());
            if (deck.isEmpty()) {
                List<String> shuffled = new ArrayList<>(cards);
                Collections.shuffle(shuffled, random);
                deck.addAll(shuffled);
            }
            return deck.pop();
        }
    }

    private static String fill(String template, Faker faker, Random random) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        return template
                .replace("{name}", faker.name().fullName())
                .replace("{product}", faker.commerce().productName())
                .replace("{company}", faker.company().name())
                .replace("{job}", faker.job().title())
                .replace("{city}", faker.address().city())
                .replace("{date}", (1 + random.nextInt(28)) + "." + (1 + random.nextInt(12)) + "." + (2015 + random.nextInt(11)))
                .replace("{ref}", "" + (char) ('A' + random.nextInt(26)) + (100_000 + random.nextInt(900_000)))
                .replace("{amount}", (20 + random.nextInt(2000)) + "," + (10 + random.nextInt(90)));
    }
}
