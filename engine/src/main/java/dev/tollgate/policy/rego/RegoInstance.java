package dev.tollgate.policy.rego;

/** One Wasm instance of a compiled bundle with its data document loaded. Not thread-safe: one caller at a time. */
interface RegoInstance {
    /** The id of a compiled entrypoint ("pack/verdict"); a name the bundle lacks is an exception. */
    int entrypoint(String name);

    /** Each entrypoint's result set as JSON, the input parsed into the instance once for all of them. */
    String[] evaluate(String input, int[] entrypoints);
}
