package dev.tollgate.pii.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with its labelled entity spans. Offsets count UTF-16 code units, start inclusive, end exclusive.
 *
 * @param language ISO 639-1 code of the text's language, or "" when unknown
 */
public record AnnotatedText(String text, List<Span> spans, String language) {
    public AnnotatedText {
        spans = List.copyOf(spans);
    }

    public record Span(int start, int end, String type) {
    }

    /** Builds a text piece by piece, recording the span of every piece appended as an entity. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Span> spans = new ArrayList<>();
        private final String language;

        public Builder(String language) {
            this.language = language;
        }

        public Builder text(String plain) {
            text.append(plain);
            return this;
        }

        public Builder entity(String type, String value) {
            int start = text.length();
            text.append(value);
            spans.add(new Span(start, text.length(), type));
            return this;
        }

        /** Whether the text ends with an entity of this type followed only by {@code separator}. */
        public boolean endsWithEntity(String type, String separator) {
            if (spans.isEmpty()) {
                return false;
            }
            Span last = spans.get(spans.size() - 1);
            return last.type().equals(type) && last.end() + separator.length() == text.length()
                    && text.substring(last.end()).equals(separator);
        }

        /** Appends {@code value} to the text and stretches the last entity over it and the text before it. */
        public Builder extendEntity(String value) {
            Span last = spans.remove(spans.size() - 1);
            text.append(value);
            spans.add(new Span(last.start(), text.length(), last.type()));
            return this;
        }

        public AnnotatedText build() {
            return new AnnotatedText(text.toString(), spans, language);
        }
    }
}
