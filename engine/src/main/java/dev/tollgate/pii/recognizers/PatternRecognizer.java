package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern over the windows of a text, validates each match (checksum, structure) and scores it with the
 * recognizer's context words. Patterns start with a negative look-behind for a word character, so a search
 * restarted one char after a rejected match fails at once inside the same token: every restart costs at most
 * one (bounded) match length, which keeps recognition linear in the text.
 */
abstract class PatternRecognizer implements Recognizer {
    /** Space as people type it inside numbers, including the no-break spaces French typography puts there. */
    static final String SP = "[ \\u00A0\\u202F]";

    private final String type;
    private final Pattern pattern;
    private final Windows windows;
    private final ContextWords context;

    PatternRecognizer(String type, Pattern pattern, Windows windows, ContextWords context) {
        this.type = type;
        this.pattern = pattern;
        this.windows = windows;
        this.context = context;
    }

    @Override
    public final List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher matcher = pattern.matcher(DetectionWork.reading(text)).useTransparentBounds(true).useAnchoringBounds(false);
        windows.forEach(text, (from, to) -> scan(text, matcher, from, to, findings));
        return findings;
    }

    private void scan(String text, Matcher matcher, int from, int to, List<Finding> findings) {
        int pos = from;
        while (pos < to) {
            matcher.region(pos, to);
            if (!matcher.find()) {
                return;
            }
            Candidate candidate = validate(text, matcher);
            if (candidate == null) {
                pos = matcher.start() + 1;
                continue;
            }
            Finding finding = context.score(type, text, candidate);
            if (finding != null) {
                findings.add(finding);
            }
            pos = Math.max(candidate.end(), matcher.start() + 1);
        }
    }

    /** A candidate for a match that passes validation, or null. */
    protected abstract Candidate validate(String text, MatchResult match);

    /** The ASCII digits of {@code text} between {@code from} and {@code to}. */
    static String digits(CharSequence text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String digits(MatchResult match) {
        return digits(match.group(), 0, match.group().length());
    }
}
