package dev.tollgate.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** "--name value" and "--flag" options of one sub-command; anything unknown is a usage error. */
record Args(Map<String, String> options) {
    static Args parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flags.contains(a)) {
                options.put(a, "true");
            } else if (valued.contains(a) && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else {
                throw new UsageException("unknown or incomplete option: " + a);
            }
        }
        return new Args(options);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String flag) {
        return options.containsKey(flag);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
