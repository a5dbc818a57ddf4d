package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the cloud is asked to check an on-device draft (draft_verify, and queued validations of offline answers):
 * the conversation as the cloud may see it, then the draft, with the instruction to approve it with one word or
 * answer with a corrected version.
 */
final class VerifyPrompt {
    static final String APPROVED = "APPROVED";
    private static final String INSTRUCTION = "You check answers written by a smaller assistant. Read the "
            + "conversation and the draft answer below. If the draft is correct and complete, reply with the single "
            + "word " + APPROVED + ". Otherwise reply with the corrected answer only, without commentary. Keep "
            + "placeholders such as <PERSON_1> exactly as they are.";

    private VerifyPrompt() {
    }

    static List<Message> of(List<Message> conversation, String draft) {
        List<Message> messages = new ArrayList<>(conversation.size() + 2);
        messages.add(new Message("system", INSTRUCTION));
        messages.addAll(conversation);
        messages.add(new Message("user", "Draft answer:\n" + draft));
        return messages;
    }

    /** Whether the cloud's reply approves the draft as it is. */
    static boolean approves(String reply) {
        String word = reply.strip().toUpperCase(Locale.ROOT);
        return word.equals(APPROVED) || word.equals(APPROVED + ".");
    }
}
