package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LOCATION by a rule, as a weak vote below the NER model: one to three capitalised words (any script, so "Αθήνα"
 * and "Новосибирск" count) after a lower-case preposition of place ("in", "from", "nach", "aus", "à", "en",
 * "au", "desde", "hacia", "a", "verso", ...) that close a clause: followed by punctuation, a line end or "and"
 * and its siblings. "in Kenosha." and "nach Rügen?" qualify; "in Settings page" does not. The low score lets a
 * name the NER model reports at the same place win.
 */
public final class LocationRecognizer implements Recognizer {
    private static final String SP = "[ \\u00A0]";
    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’]*+(?:-\\p{Lu}?[\\p{L}\\p{M}'’]++)*+";
    private static final Set<String> PREPOSITIONS = Set.of("in", "from", "near", "nach", "aus", "à", "en", "au",
            "aux", "vers", "depuis", "desde", "hacia", "a", "verso");
    private static final Pattern PLACE = Pattern.compile("(?<place>" + CAP + "(?:" + SP + CAP + "){0,2}+)"
            + "(?=" + SP + "?(?:[.,;:!?)]|\\R|$)|" + SP + "(?:and|und|et|y|e|or|oder|ou|o)" + SP + ")");
    private static final int MAX_PLACE = 120;

    /** Looks for a space between a preposition and a capital first, so the pattern runs only there. */
    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher place = PLACE.matcher(DetectionWork.reading(text)).useTransparentBounds(true)
                .useAnchoringBounds(false);
        int n = text.length();
        DetectionWork.add(n);
        for (int p = 1; p + 1 < n; p++) {
            char c = text.charAt(p);
            if ((c != ' ' && c != '\u00A0') || !Character.isUpperCase(text.charAt(p + 1))) {
                continue;
            }
            int word = p;
            while (word > 0 && Character.isLetter(text.charAt(word - 1))) {
                word--;
            }
            if (word == p || p - word > 6 || !PREPOSITIONS.contains(text.substring(word, p))) {
                continue;
            }
            place.region(p + 1, Math.min(n, p + 1 + MAX_PLACE));
            if (place.lookingAt()) {
                findings.add(new Finding("LOCATION", p + 1, place.end("place"), 0.5, ContextWords.SOURCE,
                        "capitalised words closing a clause after a preposition of place"));
                p = place.end("place");
            }
        }
        return findings;
    }
}
