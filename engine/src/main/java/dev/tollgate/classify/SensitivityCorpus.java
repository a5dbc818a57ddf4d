package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import net.datafaker.Faker;

/**
 * Composes labelled texts from phrase banks, deterministically for a seed: an optional greeting, one or
 * two sentences of sensitive classes or none, ordinary sentences around them, an optional sign-off, with
 * Datafaker names, cities and dates in the slots. About half of the texts carry no class at all. A class
 * sentence may hold {@code {term}}, filled from the section {@code [<class>.terms]}, so a few carrier sentences
 * meet many words of their class.
 */
final class SensitivityCorpus {
    /** The classes the document categorizer learns; phi is derived (health or genetic plus identifier context). */
    static final List<String> DOCCAT_CLASSES = List.of("biometric", "genetic", "health", "payment_card",
            "political_opinions", "racial_ethnic_origin", "religious_beliefs", "sex_life_orientation",
            "trade_union_membership");

    private SensitivityCorpus() {
    }

    static List<LabelledText> compose(PhraseBank bank, long seed, int count) {
        Random random = new Random(seed ^ bank.lang().hashCode());
        Faker faker = new Faker(Locale.of(bank.lang()), new Random(seed));
        List<String> present = DOCCAT_CLASSES.stream().filter(c -> !bank.section(c).isEmpty()).toList();
        List<LabelledText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double roll = random.nextDouble();
            int classCount = roll < 0.45 ? 0 : roll < 0.9 ? 1 : 2;
            TreeSet<String> classes = new TreeSet<>();
            while (classes.size() < classCount) {
                classes.add(present.get(random.nextInt(present.size())));
            }
            List<String> sentences = new ArrayList<>();
            for (String cls : classes) {
                sentences.add(pick(random, bank.section(cls))
                        .replace("{term}", bank.section(cls + ".terms").isEmpty() ? "" : pick(random, bank.section(cls + ".terms"))));
            }
            int ordinary = classCount == 0 ? 1 + random.nextInt(2) : random.nextInt(2);
            for (int s = 0; s < ordinary; s++) {
                sentences.add(random.nextInt(sentences.size() + 1), pick(random, bank.section("none")));
            }
            StringBuilder text = new StringBuilder();
            if (random.nextInt(3) == 0 && !bank.section("open").isEmpty()) {
                text.append(pick(random, bank.section("open"))).append(' ');
            }
            text.append(String.join(" ", sentences));
            if (random.nextInt(3) == 0 && !bank.section("close").isEmpty()) {
                text.append(' ').append(pick(random, bank.section("close")));
            }
            texts.add(new LabelledText(fill(text.toString(), faker, random), bank.lang(), List.copyOf(classes)));
        }
        return texts;
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

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
