package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.pii.ner.AnnotatedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSetTest {
    @TempDir
    Path dir;

    @Test
    void writtenSetsReadBackUnchanged() throws IOException {
        List<AnnotatedText> texts = List.of(
                HandWrittenTexts.parse("fr", "Bonjour, c'est [[PERSON|Amélie Garnier]] 😀 de [[LOCATION|Lyon]].\nMerci"),
                HandWrittenTexts.parse("en", "Nothing to see."));
        Path file = dir.resolve("set.jsonl");
        LabelledSet.write(file, texts);
        assertEquals(texts, LabelledSet.read(file));
    }

    @Test
    void handWrittenMarksBecomeOffsets() {
        AnnotatedText text = HandWrittenTexts.parse("de", "Frau [[PERSON|Selin Yıldız]] aus [[LOCATION|Hamburg]]");
        assertEquals("Frau Selin Yıldız aus Hamburg", text.text());
        assertEquals(List.of(new AnnotatedText.Span(5, 17, "PERSON"), new AnnotatedText.Span(22, 29, "LOCATION")),
                text.spans());
    }

    @Test
    void aSpanOutsideItsTextIsRejected() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"abc\", \"spans\": [{\"start\": 1, \"end\": 9, \"type\": \"PERSON\"}]}\n");
        assertThrows(IOException.class, () -> LabelledSet.read(file));
    }
}
