package io.referrals.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * What a test's stack leaves behind: its services' logs are copied to {@code target/stack-logs/<test>/} (where CI keeps
 * them with the failsafe reports) before its data directory is deleted, so that a failure seen once can be read.
 */
final class StackLogs {
    private StackLogs() {}

    static void keepLogsAndDelete(Path dataDir, String test) throws IOException {
        if (dataDir == null) {
            return;
        }
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Path.of("target", "stack-logs", test);
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path log : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
