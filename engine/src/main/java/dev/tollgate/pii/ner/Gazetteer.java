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
import java.util.regex.Pattern;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * Word lists for the name finder's dictionary features: each known word with the kinds of list it is in (first
 * and last names, city, country, company-form and firm words). Built at training (GazetteerBuilder, in the tools
 * module) and stored in the model as the artifact {@link #ARTIFACT}, so recognition uses exactly the lists the
 * model was trained with. Lookups fold case and diacritics, so "MÜNCHEN", "Munchen" and "münchen" meet.
 */
final class Gazetteer implements SerializableArtifact {
    static final String ARTIFACT = "tollgate.gazetteer";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, String> kinds;

    Gazetteer(Map<String, String> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** The list kinds the token is in, joined by '+' ("first+city"), or null. */
    String kinds(String token) {
        return kinds.get(fold(token));
    }

    /** Lower case without diacritics; ASCII, the common case, takes no normaliser. */
    static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("")
                        .toLowerCase(Locale.ROOT);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Writes the gazetteer into the model as "word TAB kinds" lines in word order; named in the model manifest. */
    public static final class Serializer implements ArtifactSerializer<Gazetteer> {
        @Override
        public Gazetteer create(InputStream in) throws IOException {
            Map<String, String> kinds = new HashMap<>();
            // Not closed: the stream is the model archive's, which OpenNLP reads on after this entry.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                kinds.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return new Gazetteer(kinds);
        }

        @Override
        public void serialize(Gazetteer gazetteer, OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> entry : new TreeMap<>(gazetteer.kinds).entrySet()) {
                writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
            writer.flush();
        }
    }
}
