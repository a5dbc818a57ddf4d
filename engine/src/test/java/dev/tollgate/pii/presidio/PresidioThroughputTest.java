package dev.tollgate.pii.presidio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import dev.tollgate.testing.PresidioServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Prints the throughput of Presidio's /analyze on short varied texts, one client, one request at a time. */
class PresidioThroughputTest {
    private static final String RERUN = "cd engine && mvn -B -q test -Dtest=PresidioThroughputTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false (figure in the surefire report's -output.txt)";
    private static final String[] NAMES = {"John Smith", "Maria Garcia", "David Johnson", "Emma Brown", "Liam Wilson",
            "Sophie Martin", "Lucas Meyer", "Olivia Taylor", "Noah Anderson", "Chloe Dubois"};
    private static final String[] CITIES = {"London", "Paris", "Berlin", "Madrid", "Rome", "Chicago", "Boston"};
    private static final String[] TEMPLATES = {
            "Hi, I am %s from %s; write to me at %s.",
            "Please forward the claim of %s (%s office) to %s by Friday.",
            "%s called from %s yesterday and asked us to reply to %s.",
            "Meeting notes: %s will travel to %s next week. Contact: %s",
            "The invoice for %s was sent to %s, copy to %s.",
    };

    private static List<String> texts(int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = NAMES[i % NAMES.length];
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + i + "@example.com";
            texts.add(String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], name, CITIES[i % CITIES.length], email));
        }
        return texts;
    }

    @Test
    void printsAnalyzeThroughputAndFindsEveryEmail() {
        PresidioClient client = new PresidioClient(PresidioServer.url(), Duration.ofSeconds(10));
        List<String> texts = texts(50);
        texts.subList(0, 5).forEach(text -> client.analyze(text, "en"));

        long started = System.nanoTime();
        List<List<Finding>> results = texts.stream().map(text -> client.analyze(text, "en")).toList();
        double seconds = (System.nanoTime() - started) / 1e9;

        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            List<Finding> emails = results.get(i).stream().filter(f -> f.type().equals("EMAIL_ADDRESS")).toList();
            assertEquals(1, emails.size(), () -> "emails in " + text);
            assertTrue(text.substring(emails.get(0).start(), emails.get(0).end()).endsWith("@example.com"), text);
        }
        System.out.printf(Locale.ROOT, "Presidio /analyze throughput: %.1f texts/s (%d texts, %.0f chars avg, "
                        + "sequential, one client, %.1f ms/text). Rerun: %s%n",
                texts.size() / seconds, texts.size(), texts.stream().mapToInt(String::length).average().orElse(0),
                seconds * 1000 / texts.size(), RERUN);
    }
}
