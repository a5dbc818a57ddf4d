package dev.tollgate.mask;

import dev.tollgate.pii.Finding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies a mask obligation to a text given its findings: every finding of a type to mask is replaced as its
 * type's operator says ({@link Operator#REPLACE} unless configured otherwise). Immutable and thread-safe; the
 * per-request state lives in the {@link MaskingSession} passed in.
 *
 * <p>Offsets are UTF-16 code units. A finding whose start or end falls inside a user-perceived character (a
 * surrogate pair, a letter and its combining marks, an emoji sequence) is widened to the enclosing character
 * boundaries: masking a little more is safe, cutting a character in two is not. Overlapping findings (after
 * widening) become one span covering all of them, of the type of the longest, then highest-scoring, then
 * earliest of them: no part of any finding stays visible and no replacement cuts another. Adjacent findings
 * are masked separately.
 */
public final class Masker {
    private static final String REDACTED = "<REDACTED>";
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_HEX_DIGITS = 16;
    private static final int PARTIAL_KEEP = 4;
    private static final Comparator<Finding> PRECEDENCE = Comparator
            .comparingInt((Finding f) -> f.end() - f.start()).reversed()
            .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::type);

    private final Map<String, Operator> operators;
    private final SecretKeySpec hashKey;

    /**
     * @param operators entity type -> operator, for the types not masked with {@link Operator#REPLACE}
     * @param hashKey   the key of the {@link Operator#HASH} operator
     */
    public Masker(Map<String, Operator> operators, HashKey hashKey) {
        this.operators = Map.copyOf(operators);
        this.hashKey = new SecretKeySpec(hashKey.bytes(), HMAC);
    }

    /**
     * The text with every finding whose type is in {@code entities} masked. Placeholders come from, and are
     * recorded in, {@code session}: mask all messages of a request, in order, with the same session.
     *
     * @throws IllegalArgumentException if a finding lies outside the text (masking it partly could leak it)
     */
    public MaskedText mask(String text, List<Finding> findings, Collection<String> entities, MaskingSession session) {
        Objects.requireNonNull(session, "session");
        List<Finding> spans = resolve(text, findings, Set.copyOf(entities));
        StringBuilder out = new StringBuilder(text.length());
        List<MaskedSpan> masked = new ArrayList<>(spans.size());
        int last = 0;
        for (Finding f : spans) {
            out.append(text, last, f.start());
            Operator operator = operators.getOrDefault(f.type(), Operator.REPLACE);
            String value = text.substring(f.start(), f.end());
            String replacement = replacement(operator, f.type(), value, session);
            session.remember(f.type(), operator, value, replacement);
            int start = out.length();
            out.append(replacement);
            masked.add(new MaskedSpan(f.type(), operator, replacement, start, out.length()));
            last = f.end();
        }
        out.append(text, last, text.length());
        return new MaskedText(out.toString(), masked);
    }

    /** The findings to mask, widened to character boundaries, overlaps merged, sorted by start. */
    private static List<Finding> resolve(String text, List<Finding> findings, Set<String> entities) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        List<Finding> candidates = new ArrayList<>();
        for (Finding f : findings) {
            if (f.start() < 0 || f.end() > text.length() || f.start() > f.end()) {
                throw new IllegalArgumentException("finding of type " + f.type() + " at [" + f.start() + ", "
                        + f.end() + ") lies outside a text of " + text.length() + " chars");
            }
            if (entities.contains(f.type()) && f.end() > f.start()) {
                int start = characters.isBoundary(f.start()) ? f.start() : characters.preceding(f.start());
                int end = characters.isBoundary(f.end()) ? f.end() : characters.following(f.end());
                candidates.add(new Finding(f.type(), start, end, f.score(), f.source(), f.explanation()));
            }
        }
        candidates.sort(Comparator.comparingInt(Finding::start));
        List<Finding> merged = new ArrayList<>();
        int i = 0;
        while (i < candidates.size()) {
            Finding winner = candidates.get(i);
            int start = winner.start();
            int end = winner.end();
            for (i++; i < candidates.size() && candidates.get(i).start() < end; i++) {
                Finding f = candidates.get(i);
                end = Math.max(end, f.end());
                winner = PRECEDENCE.compare(f, winner) < 0 ? f : winner;
            }
            merged.add(new Finding(winner.type(), start, end, winner.score(), winner.source(), winner.explanation()));
        }
        return merged;
    }

    private String replacement(Operator operator, String type, String value, MaskingSession session) {
        return switch (operator) {
            case REPLACE -> session.placeholder(type, value);
            case REDACT -> REDACTED;
            case HASH -> "<" + type + "#" + hash(type, value) + ">";
            case PARTIAL -> partial(value);
        };
    }

    private String hash(String type, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hashKey);
            mac.update(type.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partial(String value) {
        int keepFrom = value.length();
        int kept = 0;
        while (keepFrom > 0 && kept < PARTIAL_KEEP) {
            int cp = value.codePointBefore(keepFrom);
            keepFrom -= Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                kept++;
            }
        }
        if (kept < PARTIAL_KEEP || keepFrom == 0) {
            return "*".repeat(value.codePointCount(0, value.length()));
        }
        return "*".repeat(value.codePointCount(0, keepFrom)) + value.substring(keepFrom);
    }
}
