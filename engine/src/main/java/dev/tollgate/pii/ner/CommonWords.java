package dev.tollgate.pii.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * How often ordinary lower-case words occur in en, de, fr, es and it text: each word in lower case, diacritics kept
 * (French "Sète" is not Italian "sete"), with its highest frequency in the five languages, in occurrences per million
 * words. The text's language is
 * not known, so a word common in any of them counts. Built at training from PyPI {@code pyspellchecker}'s word lists
 * (NerTrainer) and stored in the model as the artifact {@link #ARTIFACT}, so the running service reads the same list
 * the training report names.
 */
final class CommonWords implements SerializableArtifact {
    static final String ARTIFACT = "tollgate.common-words";
    static final CommonWords NONE = new CommonWords(Map.of());

    private final Map<String, Double> perMillion;

    CommonWords(Map<String, Double> perMillion) {
        this.perMillion = Map.copyOf(perMillion);
    }

    /** The word's highest frequency per million words in the five languages, 0 for a word not listed. */
    double perMillion(String word) {
        return perMillion.getOrDefault(key(word), 0.0);
    }

    /** The form a word is listed and looked up in: lower case (NFC), diacritics kept. */
    static String key(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Writes "word TAB per-million" lines in word order; named in the model manifest. */
    public static final class Serializer implements ArtifactSerializer<CommonWords> {
        @Override
        public CommonWords create(InputStream in) throws IOException {
            Map<String, Double> perMillion = new HashMap<>();
            // Not closed: the stream is the model archive's, which OpenNLP reads on after this entry.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                perMillion.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
            return new CommonWords(perMillion);
        }

        @Override
        public void serialize(CommonWords words, OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, Double> entry : new TreeMap<>(words.perMillion).entrySet()) {
                writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
            writer.flush();
        }
    }
}
