package dev.tollgate.config;

/**
 * A configuration that cannot be used, described in one line: where (file and line, or the environment variable),
 * which setting (JSON Pointer), what is wrong and what is allowed.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String where, String pointer, String problem) {
        super(where + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
    }
}
