package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.mask.MaskingSession;
import dev.tollgate.testing.EvasionSet;
import dev.tollgate.testing.EvasionSet.Case;
import dev.tollgate.testing.Leaks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every case of eval/evasion/cases.jsonl is masked by the detector and the masker, and the set covers every type. */
class EvasionSetTest {
    /** Types found by the NER model alone, which the set does not cover. */
    private static final Set<String> NER_ONLY = Set.of("ORGANIZATION", "LOCATION");
    private static final List<Case> CASES = EvasionSet.cases();
    private static final PiiDetector DETECTOR = PiiDetector.defaults();
    private static final Masker MASKER = new Masker(Map.of(), HashKey.of(new byte[32]));

    @Test
    void everyCaseIsMaskedByTheDetectorAndTheMasker() {
        List<Case> failed = EvasionSet.failures("detector + Masker", CASES, c -> c.isMaskedIn(
                MASKER.mask(c.text(), DETECTOR.recognize(c.text()), PiiDetector.SPECIFICITY, new MaskingSession())
                        .text()));
        assertEquals(List.of(), failed);
    }

    @Test
    void theLeakCheckSeesEveryValueBeforeMasking() {
        assertEquals(List.of(), CASES.stream().filter(c -> !Leaks.reveals(c.text(), c)).toList());
    }

    @Test
    void coversEveryDetectedTypeWithAtLeast150Variants() {
        assertTrue(CASES.size() >= 150, CASES.size() + " cases");
        Set<String> expected = new TreeSet<>(PiiDetector.SPECIFICITY);
        expected.removeAll(NER_ONLY);
        assertEquals(expected, CASES.stream().map(Case::type).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> ids = CASES.stream().map(Case::id).collect(Collectors.toSet());
        assertEquals(CASES.size(), ids.size(), "ids are unique");
    }

    @Test
    void coversEveryKnownEvasion() {
        Set<String> evasions = CASES.stream().map(Case::evasion).collect(Collectors.toSet());
        for (String evasion : List.of("zero-width space inside", "soft hyphen inside", "word joiner inside",
                "full-width forms", "Arabic-Indic digits", "Cyrillic look-alike letters",
                "right-to-left override around it", "stored reversed inside a right-to-left override", "dashes",
                "dots", "slashes", "thin spaces", "en-dashes", "mixed separators", "lower case",
                "digits spaced out one by one", "full-width at sign", "spelled out at and dot",
                "bracketed [at] and [dot]", "parenthesised (at)", "braced {at} and {dot}", "upper-case AT",
                "Cyrillic a in the local part")) {
            assertTrue(evasions.contains(evasion), evasion);
        }
    }
}
