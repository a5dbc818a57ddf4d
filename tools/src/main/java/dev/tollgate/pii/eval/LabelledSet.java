package dev.tollgate.pii.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.pii.ner.AnnotatedText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled evaluation set in JSONL: one {@code {"text": ..., "lang": ..., "spans": [{"start", "end", "type"}]}}
 * per line, offsets in UTF-16 code units, end exclusive. "lang" is optional.
 */
public final class LabelledSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledSet() {
    }

    public static List<AnnotatedText> read(Path file) throws IOException {
        List<AnnotatedText> texts = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String text = node.path("text").asText();
            List<AnnotatedText.Span> spans = new ArrayList<>();
            for (JsonNode span : node.path("spans")) {
                int start = span.path("start").asInt();
                int end = span.path("end").asInt();
                if (start < 0 || end <= start || end > text.length()) {
                    throw new IOException(file + ":" + lineNumber + ": span [" + start + ", " + end + ") outside text");
                }
                spans.add(new AnnotatedText.Span(start, end, span.path("type").asText()));
            }
            texts.add(new AnnotatedText(text, spans, node.path("lang").asText("")));
        }
        return texts;
    }

    public static void write(Path file, List<AnnotatedText> texts) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AnnotatedText text : texts) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("text", text.text());
                line.put("lang", text.language());
                List<Map<String, Object>> spans = new ArrayList<>();
                for (AnnotatedText.Span span : text.spans()) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("start", span.start());
                    s.put("end", span.end());
                    s.put("type", span.type());
                    spans.add(s);
                }
                line.put("spans", spans);
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }
}
