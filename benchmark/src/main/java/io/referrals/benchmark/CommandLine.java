package io.referrals.benchmark;

import io.referrals.localstack.Options;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmarks share on the command line: {@code --option value} pairs, and the stack they start. */
final class CommandLine {
    private CommandLine() {}

    /** The given options over their defaults; an option without a default, or without a value, is refused. */
    static Map<String, String> parse(String[] args, Map<String, String> defaults, String usage) {
        Map<String, String> given = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!defaults.containsKey(option) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + "\n" + usage);
            }
            given.put(option, args[i + 1]);
        }
        return given;
    }

    /** A {@code true} or {@code false} option; anything else is refused. */
    static boolean bool(String option, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + option + " takes true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** A stack of its own: started from nothing in {@code dataDir}, on ports offset so a running one is untouched. */
    static Options platform(Path dataDir, Path repoRoot, int portOffset) {
        System.out.println("Starting the platform in " + dataDir + " ...");
        return Options.defaults()
                .withClean(true)
                .withDataDir(dataDir)
                .withRepoRoot(repoRoot)
                .withPortOffset(portOffset);
    }
}
