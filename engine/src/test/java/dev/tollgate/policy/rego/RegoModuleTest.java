package dev.tollgate.policy.rego;

import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegoModuleTest {
    @TempDir
    Path tmp;

    private static WasmBundle build(Path bundle) throws PolicyLoadException {
        return new OpaBuild(ShippedBundle.opa()).build(bundle, RegoPack.discover(bundle));
    }

    private static RegoWasmPolicy policy(Path bundle, RegoInstance first, Supplier<RegoInstance> more)
            throws PolicyLoadException {
        List<PolicyProblem> problems = new ArrayList<>();
        RegoWasmPolicy policy = new RegoWasmPolicy("digest", "", RegoPack.discover(bundle), first, more, 3, problems);
        assertEquals(List.of(), problems);
        return policy;
    }

    private static RegoWasmPolicy policy(Path bundle, RegoModule module) throws PolicyLoadException {
        return policy(bundle, module.first(), module.more());
    }

    @Test
    void instancesOnTheModuleCompiledOnceDecideAsOpaJavaWasmInstances() throws PolicyLoadException {
        WasmBundle bundle = build(ShippedBundle.dir());
        RegoModule module = RegoModule.load(bundle, Optional.empty());
        assertTrue(module.compiled());
        assertInstanceOf(OpaAbiInstance.class, module.first());
        Supplier<RegoInstance> opaJavaWasm = RegoModule.opaJavaWasm(bundle);

        RegoWasmPolicy shared = policy(ShippedBundle.dir(), module);
        RegoWasmPolicy reference = policy(ShippedBundle.dir(), opaJavaWasm.get(), opaJavaWasm);
        assertEquals(reference.rules(), shared.rules());
        FactsArbitraries.assertDecideAlike(reference, shared);
        RegoInstance second = module.more().get();
        String input = VerdictDocument.input(RegoWasmCompilerTest.germanPatient());
        int[] verdicts = {second.entrypoint("tollgate/gdpr/verdict"), second.entrypoint("tollgate/routing/verdict")};
        assertEquals(Arrays.asList(opaJavaWasm.get().evaluate(input, verdicts)), Arrays.asList(second.evaluate(input, verdicts)));
    }

    @Test
    void storedClassesAreLoadedInsteadOfCompiled() throws PolicyLoadException {
        WasmBundle bundle = build(ShippedBundle.dir());
        RegoModule compiled = RegoModule.load(bundle, Optional.empty());
        RegoModule loaded = RegoModule.load(bundle, Optional.of(compiled.classes()));

        assertFalse(loaded.compiled());
        FactsArbitraries.assertDecideAlike(policy(ShippedBundle.dir(), compiled), policy(ShippedBundle.dir(), loaded));
    }

    @Test
    void storedClassesThatCannotBeLoadedAreCompiledOver() throws PolicyLoadException {
        WasmBundle bundle = build(ShippedBundle.dir());
        MachineClasses classes = RegoModule.load(bundle, Optional.empty()).classes();
        RegoWasmPolicy reference = ShippedBundle.wasm();
        for (byte[] broken : List.of("not a jar".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(classes.jar(), classes.jar().length / 2))) {
            RegoModule module = RegoModule.load(bundle, Optional.of(new MachineClasses(classes.moduleDigest(), broken)));
            assertTrue(module.compiled());
            assertEquals(classes.moduleDigest(), module.classes().moduleDigest());
            FactsArbitraries.assertDecideAlike(reference, policy(ShippedBundle.dir(), module));
        }
    }

    @Test
    void classesOfAnotherModuleAreNotUsed() throws IOException, PolicyLoadException {
        MachineClasses shipped = RegoModule.load(build(ShippedBundle.dir()), Optional.empty()).classes();
        Path bundle = ShippedBundle.copy(tmp);
        Path confidentiality = bundle.resolve("confidentiality.rego");
        String text = Files.readString(confidentiality);
        String changed = text.replace("\"message\": \"Confidential business information detected",
                "\"message\": \"Changed: confidential business information detected");
        assertNotEquals(text, changed);
        Files.writeString(confidentiality, changed);

        RegoModule module = RegoModule.load(build(bundle), Optional.of(shipped));
        assertTrue(module.compiled());
        assertNotEquals(shipped.moduleDigest(), module.classes().moduleDigest());
        Facts g = RegoWasmCompilerTest.germanPatient();
        Facts confidential = new Facts(g.request(), g.subject(), new DataFacts(true, List.of("PERSON"),
                List.of(new EntityCount("PERSON", 1)), List.of("confidential_business"), true, List.of()), g.destinations());
        assertTrue(policy(bundle, module).evaluate(confidential).getFirst().reasons().stream()
                .anyMatch(reason -> reason.message().startsWith("Changed: confidential")), "the changed pack decides");
    }

    @Test
    void aPackCallingABuiltinTheHostProvidesIsEvaluatedByOpaJavaWasm() throws IOException, PolicyLoadException {
        Path bundle = ShippedBundle.copy(tmp);
        Path confidentiality = bundle.resolve("confidentiality.rego");
        String text = Files.readString(confidentiality);
        String withSprintf = text.replace("\"message\": \"Confidential business information detected: on-device model, "
                        + "or a cloud the application approves for it\",",
                "\"message\": sprintf(\"%s: %s\", [\"Confidential business information detected\", "
                        + "\"on-device model, or a cloud the application approves for it\"]),");
        assertNotEquals(text, withSprintf);
        Files.writeString(confidentiality, withSprintf);

        RegoModule module = RegoModule.load(build(bundle), Optional.empty());
        assertFalse(module.first() instanceof OpaAbiInstance, "sprintf is a builtin the host provides");
        RegoWasmPolicy policy = policy(bundle, module);
        assertEquals(ShippedBundle.wasm().rules(), policy.rules());
        FactsArbitraries.assertDecideAlike(ShippedBundle.wasm(), policy);
    }
}
