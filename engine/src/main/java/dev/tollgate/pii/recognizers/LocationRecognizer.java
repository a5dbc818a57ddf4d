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
 * name the NER model reports at the same place win. A capitalised preposition counts only in a short answer at
 * a line start or after a speaker's colon ("Ole: In Husum."). Also, with score 0.7, the capitalised words of a
 * place field ("City: Cluj-Napoca", "Ort: Rostock", "Ville : Rennes", "Ciudad: Girona", "Città: Trento").
 */
public final class LocationRecognizer implements Recognizer {
    private static final String SP = "[ \\u00A0]";
    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’]*+(?:-\\p{Lu}?[\\p{L}\\p{M}'’]++)*+";
    private static final Set<String> PREPOSITIONS = Set.of("in", "from", "near", "nach", "aus", "à", "en", "au",
            "aux", "vers", "depuis", "desde", "hacia", "a", "verso");
    private static final Pattern PLACE = Pattern.compile("(?<place>" + CAP + "(?:" + SP + CAP + "){0,2}+)"
            + "(?=" + SP + "?(?:[.,;:!?)]|\\R|$)|" + SP + "(?:and|und|et|y|e|or|oder|ou|o)" + SP + ")");
    private static final int MAX_PLACE = 120;
    /** A short answer: the place, perhaps a full stop, then the line ends. */
    private static final Pattern ANSWER_END = Pattern.compile(SP + "?[.!?]?" + SP + "*+(?:\\R|$)");
    private static final Pattern FIELD = Pattern.compile("(?m)^[ \\t]*+(?iu:city|town|country|place of birth|stadt|ort"
            + "|wohnort|geburtsort|land|ville|pays|lieu de naissance|ciudad|país|localidad|lugar de nacimiento"
            + "|città|paese|località|luogo di nascita)" + SP + "?:" + SP + "*+(?<place>" + CAP + "(?:" + SP + CAP
            + "){0,2}+)" + ANSWER_END.pattern());

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
            if (word == p || p - word > 6 || !isPreposition(text, word, p)) {
                continue;
            }
            place.region(p + 1, Math.min(n, p + 1 + MAX_PLACE));
            if (place.lookingAt() && (Character.isLowerCase(text.charAt(word)) || answers(text, place.end("place")))) {
                findings.add(new Finding("LOCATION", p + 1, place.end("place"), 0.5, ContextWords.SOURCE,
                        "capitalised words closing a clause after a preposition of place"));
                p = place.end("place");
            }
        }
        fields(text, findings);
        return findings;
    }

    /** A lower-case preposition, or a capitalised one heading a line or following a speaker's colon. */
    private static boolean isPreposition(String text, int word, int end) {
        String lower = ContextWords.lower(text, word, end);
        if (Character.isLowerCase(text.charAt(word))) {
            return PREPOSITIONS.contains(lower);
        }
        int before = word - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\u00A0')) {
            before--;
        }
        return PREPOSITIONS.contains(lower) && (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == ':');
    }

    private static boolean answers(String text, int placeEnd) {
        return ANSWER_END.matcher(text).region(placeEnd, text.length()).lookingAt();
    }

    private static void fields(String text, List<Finding> findings) {
        if (text.indexOf(':') < 0) {
            return;
        }
        Matcher field = FIELD.matcher(DetectionWork.reading(text));
        while (field.find()) {
            findings.add(new Finding("LOCATION", field.start("place"), field.end("place"), 0.7, ContextWords.SOURCE,
                    "capitalised words in a place field"));
        }
    }
}
