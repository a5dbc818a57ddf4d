package dev.tollgate.cli;

import java.util.Locale;

/** How fast a command went through a log, printed at its end (issue 14: replay and verify speeds). */
record Speed(long count, String unit, double seconds, double perSecond) {

    static Speed since(long startedNanos, long count, String unit) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new Speed(count, unit, seconds, seconds > 0 ? count / seconds : 0);
    }

    String render() {
        return String.format(Locale.ROOT, "Speed: %,.0f %s/s (%,d %s in %.2f s)%n", perSecond, unit, count, unit, seconds);
    }
}
