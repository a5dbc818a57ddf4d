package dev.tollgate.execute.usage;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * What one application used in one calendar month (UTC), as its completed execution records and the validation
 * records of its offline answers in the log say.
 *
 * @param executions    completed executions
 * @param onDevice      of those, answered by an on-device destination
 * @param twoStage      of those, run as cascade or draft_verify (the ones that may escalate)
 * @param escalated     of those, sent on to a cloud
 * @param byDestination cloud tokens by the cloud destination that took them, offline validations' included
 * @param validated     offline validations the cloud decided (agreed or corrected; failed ones are not)
 * @param disagreed     of those, corrected
 */
public record MonthlyUsage(YearMonth month, long executions, long onDevice, long twoStage, long escalated,
                           Map<String, Tokens> byDestination, long validated, long disagreed) {
    public MonthlyUsage {
        byDestination = Map.copyOf(byDestination);
    }

    static MonthlyUsage none(YearMonth month) {
        return new MonthlyUsage(month, 0, 0, 0, 0, Map.of(), 0, 0);
    }

    /** Both counted together (the same month). */
    MonthlyUsage plus(MonthlyUsage more) {
        Map<String, Tokens> tokens = new HashMap<>(byDestination);
        more.byDestination.forEach((destination, t) -> tokens.merge(destination, t, (a, b) -> a.plus(b.in, b.out)));
        return new MonthlyUsage(month, executions + more.executions, onDevice + more.onDevice,
                twoStage + more.twoStage, escalated + more.escalated, tokens, validated + more.validated,
                disagreed + more.disagreed);
    }

    /** Cloud tokens sent and answered, over every destination: what a budget counts. */
    public long cloudTokens() {
        return byDestination.values().stream().mapToLong(Tokens::total).sum();
    }

    /** Answered on-device, of all completed executions; null when there were none. */
    public Double onDeviceShare() {
        return executions == 0 ? null : (double) onDevice / executions;
    }

    /** Escalated, of the cascade and draft_verify executions; null when there were none. */
    public Double escalationRate() {
        return twoStage == 0 ? null : (double) escalated / twoStage;
    }

    /** Corrected, of the validations the cloud decided; null when there were none. */
    public Double validationDisagreementRate() {
        return validated == 0 ? null : (double) disagreed / validated;
    }

    /** @param in tokens sent to the destination; @param out tokens it answered with */
    public record Tokens(long in, long out) {
        long total() {
            return in + out;
        }

        Tokens plus(long moreIn, long moreOut) {
            return new Tokens(in + moreIn, out + moreOut);
        }
    }
}
