package dev.tollgate.execute;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tollgate.decision.DecideRequest.Message;

import java.util.List;

/**
 * Counts what a cloud leg costs with a real BPE tokenizer (o200k_base, the one of the current OpenAI models), the
 * same for every provider, so budgets and usage do not depend on what a provider chooses to report. Message
 * contents only: the few tokens a provider adds per message for roles are left out.
 */
final class CloudTokens {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private CloudTokens() {
    }

    static int of(List<Message> messages) {
        return messages.stream().mapToInt(m -> of(m.content())).sum();
    }

    static int of(String text) {
        return ENCODING.countTokensOrdinary(text);
    }
}
