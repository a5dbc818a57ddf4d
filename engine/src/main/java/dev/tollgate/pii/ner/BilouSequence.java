package dev.tollgate.pii.ner;

/**
 * Which BILOU outcome may follow which ("PERSON-start", "PERSON-cont", "PERSON-last", "PERSON-unit", "other"),
 * by string suffix: OpenNLP's validator answers the same with a regular expression per call, a cost paid on
 * every decoded token. An open name (start, cont) must go on with cont or last of its own type; anything else
 * may be followed by other, start or unit. {@code GreedyNameFinderTest} checks the decoder against OpenNLP's.
 */
final class BilouSequence {
    private BilouSequence() {
    }

    /** @param previous the outcome before, or null at the first token */
    static boolean mayFollow(String previous, String outcome) {
        boolean open = previous != null && (previous.endsWith("-start") || previous.endsWith("-cont"));
        boolean continues = outcome.endsWith("-cont") || outcome.endsWith("-last");
        if (!open) {
            return !continues;
        }
        return continues && type(previous).equals(type(outcome));
    }

    private static String type(String outcome) {
        return outcome.substring(0, outcome.lastIndexOf('-'));
    }
}
