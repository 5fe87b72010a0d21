package io.team365.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} or {@code --name=value} command-line options. */
final class BenchOptions {

    private BenchOptions() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else {
                options.put(name, args[++i]);
            }
        }
        return options;
    }
}
