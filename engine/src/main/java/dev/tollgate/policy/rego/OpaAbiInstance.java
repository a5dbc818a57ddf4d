package dev.tollgate.policy.rego;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Wasm instance driven through OPA's Wasm ABI (exports opa_malloc, opa_json_parse, opa_eval_ctx_*, eval,
 * opa_json_dump; imports env.memory, opa_abort, opa_println, opa_builtin0..4). It runs on machine code shared by
 * every instance of the module, so making one costs its memory and data, not a compilation. Builtins the
 * module leaves to the host are not offered: {@link RegoModule} gives such bundles to opa-java-wasm.
 */
final class OpaAbiInstance implements RegoInstance {
    /** The pages opa-java-wasm starts an instance with; the module's allocator grows the memory as it needs. */
    private static final MemoryLimits MEMORY = new MemoryLimits(10, MemoryLimits.MAX_PAGES);

    private final Memory memory;
    private final ExportFunction malloc;
    private final ExportFunction jsonParse;
    private final ExportFunction jsonDump;
    private final ExportFunction heapPtrGet;
    private final ExportFunction heapPtrSet;
    private final ExportFunction evalCtxNew;
    private final ExportFunction evalCtxSetInput;
    private final ExportFunction evalCtxSetData;
    private final ExportFunction evalCtxSetEntrypoint;
    private final ExportFunction evalCtxGetResult;
    private final ExportFunction eval;
    private final Instance instance;
    private Map<String, Integer> entrypoints;
    private int data;
    private int dataHeapPtr;

    OpaAbiInstance(WasmModule module, Function<Instance, Machine> machines) {
        memory = new ByteArrayMemory(MEMORY);
        instance = Instance.builder(module).withImportValues(imports(memory)).withMachineFactory(machines).build();
        malloc = instance.export("opa_malloc");
        jsonParse = instance.export("opa_json_parse");
        jsonDump = instance.export("opa_json_dump");
        heapPtrGet = instance.export("opa_heap_ptr_get");
        heapPtrSet = instance.export("opa_heap_ptr_set");
        evalCtxNew = instance.export("opa_eval_ctx_new");
        evalCtxSetInput = instance.export("opa_eval_ctx_set_input");
        evalCtxSetData = instance.export("opa_eval_ctx_set_data");
        evalCtxSetEntrypoint = instance.export("opa_eval_ctx_set_entrypoint");
        evalCtxGetResult = instance.export("opa_eval_ctx_get_result");
        eval = instance.export("eval");
    }

    /** Parses the data document into the instance; evaluations start their heap after it. */
    OpaAbiInstance withData(String dataJson) {
        data = parse(dataJson);
        dataHeapPtr = call(heapPtrGet);
        return this;
    }

    /** The builtin functions the module expects the host to provide, by name. */
    Map<String, Integer> builtins() {
        return names(call(instance.export("builtins")));
    }

    @Override
    public int entrypoint(String name) {
        if (entrypoints == null) {
            entrypoints = names(call(instance.export("entrypoints")));
        }
        Integer id = entrypoints.get(name);
        if (id == null) {
            throw new IllegalArgumentException("the Wasm module has no entrypoint " + name);
        }
        return id;
    }

    @Override
    public String[] evaluate(String input, int[] entrypointIds) {
        call(heapPtrSet, dataHeapPtr);
        int parsedInput = parse(input);
        int inputHeapPtr = call(heapPtrGet);
        String[] results = new String[entrypointIds.length];
        for (int i = 0; i < entrypointIds.length; i++) {
            call(heapPtrSet, inputHeapPtr);
            int context = call(evalCtxNew);
            call(evalCtxSetInput, context, parsedInput);
            call(evalCtxSetData, context, data);
            call(evalCtxSetEntrypoint, context, entrypointIds[i]);
            int error = call(eval, context);
            if (error != 0) {
                throw new IllegalStateException("OPA Wasm evaluation returned error code " + error);
            }
            results[i] = dump(call(evalCtxGetResult, context));
        }
        return results;
    }

    private int parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int address = call(malloc, bytes.length);
        memory.write(address, bytes);
        int value = call(jsonParse, address, bytes.length);
        if (value == 0) {
            throw new IllegalArgumentException("OPA Wasm could not parse a JSON document");
        }
        return value;
    }

    private String dump(int value) {
        return memory.readCString(call(jsonDump, value), StandardCharsets.UTF_8);
    }

    private Map<String, Integer> names(int value) {
        Map<String, Integer> names = new TreeMap<>();
        try {
            Json.MAPPER.readTree(dump(value)).properties().forEach(field -> names.put(field.getKey(), field.getValue().asInt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("OPA Wasm returned malformed JSON for its names", e);
        }
        return Collections.unmodifiableMap(names);
    }

    private static int call(ExportFunction function, long... arguments) {
        long[] result = function.apply(arguments);
        return result == null ? 0 : (int) result[0];
    }

    private static ImportValues imports(Memory memory) {
        List<ImportFunction> functions = new ArrayList<>();
        functions.add(new HostFunction("env", "opa_abort", FunctionType.of(List.of(ValType.I32), List.of()),
                (instance, arguments) -> {
                    throw new IllegalStateException("OPA Wasm aborted: "
                            + instance.memory().readCString((int) arguments[0], StandardCharsets.UTF_8));
                }));
        // print() in a pack: its output may quote the input, so it goes nowhere.
        functions.add(new HostFunction("env", "opa_println", FunctionType.of(List.of(ValType.I32), List.of()),
                (instance, arguments) -> null));
        for (int arity = 0; arity <= 4; arity++) {
            List<ValType> parameters = new ArrayList<>(Collections.nCopies(arity + 2, ValType.I32));
            int args = arity;
            functions.add(new HostFunction("env", "opa_builtin" + arity, FunctionType.of(parameters, List.of(ValType.I32)),
                    (instance, arguments) -> {
                        throw new IllegalStateException("OPA Wasm called host builtin " + arguments[0] + " with " + args
                                + " arguments, which this host does not provide");
                    }));
        }
        return ImportValues.builder().withFunctions(functions).addMemory(new ImportMemory("env", "memory", memory)).build();
    }
}
