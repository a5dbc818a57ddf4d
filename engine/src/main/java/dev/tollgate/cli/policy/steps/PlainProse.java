package dev.tollgate.cli.policy.steps;

import dev.tollgate.facts.TokenCounter;

import java.util.List;

/**
 * Office prose of a given length with nothing personal or sensitive in it, for scenarios about the size of a
 * request: varied sentences, so that the text reads as a document and not as one line repeated.
 */
final class PlainProse {
    private static final List<String> SENTENCES = List.of(
            "The quarterly newsletter lists the new opening hours of the regional branches.",
            "Printer cartridges are ordered through the purchasing portal every second week.",
            "Meeting rooms on the third floor can be booked up to a month in advance.",
            "The reception desk collects the parcels for the office.",
            "The intranet search now finds forms, templates and archived circulars.",
            "Bicycles may be parked in the courtyard behind the main entrance.",
            "Invoices from suppliers are checked against the purchase order before payment.",
            "The fire drill takes place on the first working day of every quarter.",
            "Standard letters use the corporate template with the logo in the top corner.",
            "Spare keys for the archive are kept in the facility office.",
            "The spring catalogue presents garden furniture, lamps and kitchen tools.",
            "Delivery vans unload at the loading dock before eight in the morning.",
            "The help desk answers questions about laptops, phones and passwords resets.",
            "Training sessions on the spreadsheet software start again in autumn.",
            "Recycling bins for paper, glass and plastic stand next to the lifts.");

    private PlainProse() {
    }

    /** At least {@code tokens} tokens as Tollgate counts them, and fewer than one more sentence beyond. */
    static String ofTokens(int tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; TokenCounter.count(text.toString()) < tokens; i++) {
            text.append(SENTENCES.get(i % SENTENCES.size())).append(' ');
        }
        return text.toString().strip();
    }
}
