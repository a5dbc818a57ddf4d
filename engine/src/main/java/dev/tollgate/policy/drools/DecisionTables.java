package dev.tollgate.policy.drools;

import org.drools.drl.extensions.DecisionTableFactory;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decision tables as compliance officers write them: CSV or Excel files with one rule per row.
 * <p>
 * Drools compiles a table only when its resource says which input type it is; a bare .csv resource
 * silently compiles to zero rules. Every table therefore goes through {@link #resource}.
 */
final class DecisionTables {
    // Drools writes "// rule values at A12, header at A7" above each rule it generates from a row.
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");
    private static final Pattern CELL = Pattern.compile("\\bcells? \\[?[A-Z]+(\\d+)\\b");

    private DecisionTables() {
    }

    static boolean isTable(String fileName) {
        return fileName.endsWith(".csv") || fileName.endsWith(".xlsx");
    }

    /** A table resource Drools will compile, with the input type its file name says. */
    static Resource resource(String sourcePath, byte[] content) {
        Resource resource = KieServices.get().getResources().newByteArrayResource(content)
                .setSourcePath(sourcePath)
                .setResourceType(ResourceType.DTABLE);
        resource.setConfiguration(configuration(sourcePath));
        return resource;
    }

    /**
     * The DRL Drools generates from the table, used to point problems at rows.
     *
     * @throws org.drools.template.parser.DecisionTableParseException when the table's layout is wrong
     */
    static String generatedDrl(String sourcePath, byte[] content) {
        return DecisionTableFactory.loadFromResource(resource(sourcePath, content), configuration(sourcePath));
    }

    /** The table row a line of the generated DRL belongs to; 0 for lines above the first rule. */
    static int rowAt(String generatedDrl, int line) {
        int row = 0;
        String[] lines = generatedDrl.split("\n", -1);
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher m = ROW_COMMENT.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(1));
            }
        }
        return row;
    }

    /** The row of the first cell a table parse error names ("... in cell C12"); 0 when it names none. */
    static int rowNamedIn(String parseError) {
        Matcher m = CELL.matcher(parseError == null ? "" : parseError);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static DecisionTableConfiguration configuration(String sourcePath) {
        DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
        configuration.setInputType(sourcePath.endsWith(".csv") ? DecisionTableInputType.CSV : DecisionTableInputType.XLSX);
        return configuration;
    }
}
