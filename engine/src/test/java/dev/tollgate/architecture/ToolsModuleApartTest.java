package dev.tollgate.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.TestService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine does not depend on the tools module: no class of the tools is on the engine's class path. */
class ToolsModuleApartTest {
    private static final Path TOOLS_SOURCES = TestService.ROOT.resolve("tools/src/main/java");

    @Test
    void noToolsClassIsOnTheEngineClassPath() throws IOException {
        List<String> tools;
        try (Stream<Path> files = Files.walk(TOOLS_SOURCES)) {
            tools = files.filter(f -> f.toString().endsWith(".java")).map(ToolsModuleApartTest::className).toList();
        }
        assertTrue(tools.contains("dev.tollgate.pii.ner.NerTrainer"), "reads the tools' sources: " + tools);
        assertEquals(List.of(), tools.stream().filter(ToolsModuleApartTest::loadable).toList());
    }

    private static String className(Path source) {
        String path = TOOLS_SOURCES.relativize(source).toString();
        return path.substring(0, path.length() - ".java".length()).replace(File.separatorChar, '.');
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, ToolsModuleApartTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
