package dev.tollgate.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.tollgate.cli.TollgateCli;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Imports point down: each layer uses only layers below it, and no two top-level packages depend on each other.
 * Test code is left out: a test may wire anything.
 */
@AnalyzeClasses(packages = "dev.tollgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Top to bottom; the packages of a layer, each with its sub-packages. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("entry", "cli", "server"),
            new Layer("console", "console"),
            new Layer("api", "api"),
            new Layer("execute", "execute"),
            new Layer("trail", "trail"),
            new Layer("replay", "replay"),
            new Layer("decision", "decision"),
            new Layer("token", "token"),
            new Layer("audit", "audit"),
            new Layer("policy", "policy"),
            new Layer("detection and facts", "classify", "pii", "mask", "facts", "config"),
            new Layer("terms", "terms"));

    private record Layer(String name, String... packages) {
        String[] identifiers() {
            return Arrays.stream(packages).map(p -> "dev.tollgate." + p + "..").toArray(String[]::new);
        }
    }

    @ArchTest
    static final ArchRule EVERY_IMPORT_POINTS_DOWN = layers();

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("dev.tollgate.(*)..").should().beFreeOfCycles();

    /** Training, evaluation and benchmarks have their main() in the tools module, out of the runtime jar. */
    @ArchTest
    static final ArchRule THE_CLI_IS_THE_ONLY_ENTRY_POINT = methods().that().haveName("main").and().areStatic()
            .and().haveRawParameterTypes(String[].class)
            .should().beDeclaredIn(TollgateCli.class)
            .because("offline tools (training, evaluation, benchmarks) belong in the tools module");

    private static ArchRule layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.identifiers());
        }
        // The shared JSON mapping and resource reading (dev.tollgate.Json, TextResource) sit below everything.
        architecture = architecture.layer("json").definedBy("dev.tollgate");
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
            architecture = architecture.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        return architecture.whereLayer(LAYERS.getFirst().name()).mayNotBeAccessedByAnyLayer();
    }
}
