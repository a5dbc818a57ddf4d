package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern AFTER_PREPOSITION = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(?:in|from|near|nach|aus|à|en|au|aux|vers|depuis|desde|hacia|a|verso)" + SP
                    + "(?<place>" + CAP + "(?:" + SP + CAP + "){0,2}+)"
                    + "(?=" + SP + "?(?:[.,;:!?)]|\\R|$)|" + SP + "(?:and|und|et|y|e|or|oder|ou|o)" + SP + ")");

    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = AFTER_PREPOSITION.matcher(DetectionWork.reading(text));
        while (m.find()) {
            findings.add(new Finding("LOCATION", m.start("place"), m.end("place"), 0.5, ContextWords.SOURCE,
                    "capitalised words closing a clause after a preposition of place"));
        }
        return findings;
    }
}
