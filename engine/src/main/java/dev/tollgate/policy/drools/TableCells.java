package dev.tollgate.policy.drools;

import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Which cell of a CSV decision table row breaks the rule Drools generates from it. Drools reports lines of the
 * DRL it generated, where the cells of a row are already joined, so the cell is found the way a person would:
 * the table is built again with one cell of the row emptied at a time, and a cell whose emptying leaves fewer
 * errors on that row is a broken one.
 */
final class TableCells {
    private static final String PROBES = "src/main/resources/table-probe";
    private static final AtomicLong PROBE = new AtomicLong();

    private TableCells() {
    }

    /**
     * @param row the 1-based row with errors
     * @return "column D (Tokens at most)", several columns joined by ", ", or "" when no single cell explains them
     */
    static String blame(String file, byte[] csv, int row) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        if (row < 1 || row > lines.size()) {
            return "";
        }
        int errors = errorsAt(file, lines, row);
        if (errors == 0) {
            return "";
        }
        List<String> cells = new CsvLineParser().parse(lines.get(row - 1));
        List<String> broken = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            if (cells.get(column).isBlank()) {
                continue;
            }
            List<String> emptied = new ArrayList<>(cells);
            emptied.set(column, "");
            List<String> variant = new ArrayList<>(lines);
            variant.set(row - 1, csvLine(emptied));
            if (errorsAt(file, variant, row) < errors) {
                broken.add(name(column, lines));
            }
        }
        return broken.isEmpty() ? "" : (broken.size() == 1 ? "column " : "columns ") + String.join(", ", broken);
    }

    /** Build errors that Drools places on the row, the table built alone under a path of its own. */
    private static int errorsAt(String file, List<String> lines, int row) {
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        long probe = PROBE.incrementAndGet();
        String sourcePath = PROBES + probe + "/" + file;
        String generated;
        try {
            generated = DecisionTables.generatedDrl(sourcePath, content);
        } catch (RuntimeException e) {
            return DecisionTables.rowNamedIn(e.getMessage()) == row ? 1 : 0;
        }
        KieServices kie = KieServices.get();
        KieFileSystem sources = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("dev.tollgate.policy", "table-probe", "0.0." + probe);
        sources.generateAndWritePomXML(releaseId);
        sources.write(DecisionTables.resource(sourcePath, content));
        try {
            return (int) kie.newKieBuilder(sources, TableCells.class.getClassLoader()).buildAll().getResults()
                    .getMessages(Message.Level.ERROR).stream()
                    .filter(error -> DecisionTables.rowAt(generated, error.getLine()) == row)
                    .count();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** The column's spreadsheet letter and, when the table has one, its label from the row under the code row. */
    private static String name(int column, List<String> lines) {
        String letter = letter(column);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("RuleTable") && i + 4 < lines.size()) {
                List<String> labels = new CsvLineParser().parse(lines.get(i + 4));
                if (column < labels.size() && !labels.get(column).isBlank()) {
                    return letter + " (" + labels.get(column).strip() + ")";
                }
            }
        }
        return letter;
    }

    static String letter(int column) {
        String letters = "";
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters = (char) ('A' + (n - 1) % 26) + letters;
        }
        return letters;
    }

    private static String csvLine(List<String> cells) {
        return cells.stream()
                .map(cell -> cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
                .collect(Collectors.joining(","));
    }
}
