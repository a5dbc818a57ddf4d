package dev.tollgate.pii.eval;

import dev.tollgate.pii.ner.AnnotatedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads hand-written labelled texts: one per line as {@code <lang><TAB><text>}, entities marked
 * {@code [[TYPE|value]]}, "\n" for a line break, lines starting with "#" ignored. Offsets are computed here,
 * not by hand.
 */
final class HandWrittenTexts {
    private HandWrittenTexts() {
    }

    static List<AnnotatedText> read(Path file) throws IOException {
        List<AnnotatedText> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(file + ": line without <lang><TAB>: " + line.length() + " chars");
            }
            texts.add(parse(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n")));
        }
        return texts;
    }

    static AnnotatedText parse(String language, String marked) {
        AnnotatedText.Builder text = new AnnotatedText.Builder(language);
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("[[", i);
            if (open < 0) {
                text.text(marked.substring(i));
                break;
            }
            int bar = marked.indexOf('|', open);
            int close = marked.indexOf("]]", open);
            if (bar < 0 || close < bar) {
                throw new IllegalArgumentException("unterminated entity mark at " + open);
            }
            text.text(marked.substring(i, open));
            text.entity(marked.substring(open + 2, bar), marked.substring(bar + 1, close));
            i = close + 2;
        }
        return text.build();
    }
}
