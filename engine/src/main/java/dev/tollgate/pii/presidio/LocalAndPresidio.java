package dev.tollgate.pii.presidio;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A detector whose findings are the local recognizers' and Presidio's together. Presidio is asked first and the
 * local recognizers run while it answers, so a request costs the slower of the two, not their sum. The union goes
 * through {@link PiiDetector}'s own overlap resolution, so local and Presidio findings are ranked exactly as local
 * findings are among themselves: score, then specificity of the type, then span length.
 */
public final class LocalAndPresidio {
    private LocalAndPresidio() {
    }

    public static PiiDetector merging(PiiDetector local, PresidioRecognizer presidio) {
        return new PiiDetector(List.of(new ConcurrentUnion(local.recognizers(), presidio)));
    }

    private record ConcurrentUnion(List<Recognizer> local, PresidioRecognizer presidio) implements Recognizer {
        @Override
        public List<Finding> recognize(String text) {
            CompletableFuture<List<Finding>> remote = presidio.request(text);
            List<Finding> all = new ArrayList<>();
            for (Recognizer recognizer : local) {
                all.addAll(recognizer.recognize(text));
            }
            all.addAll(presidio.settle(remote));
            return all;
        }
    }
}
