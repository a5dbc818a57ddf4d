package dev.tollgate.classify;

import java.util.List;

/** A text, its language and the doccat classes it carries (sorted; empty for none). */
record LabelledText(String text, String lang, List<String> classes) {
    LabelledText {
        classes = classes.stream().sorted().distinct().toList();
    }
}
