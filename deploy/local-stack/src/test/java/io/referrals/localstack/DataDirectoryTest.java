package io.referrals.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --clean} deletes everything the stack writes, and nothing it did not write. */
class DataDirectoryTest {

    @Test
    void cleanDeletesEveryFileTheStackWrites(@TempDir Path root) throws IOException {
        try (DataDirectory dataDir = new DataDirectory(root)) {
            dataDir.open();
            for (Path file : List.of(
                    dataDir.kafkaProperties(),
                    dataDir.kafkaLogging(),
                    dataDir.privateKey(),
                    dataDir.publicKey(),
                    dataDir.portalPrivateKey(),
                    dataDir.portalPublicKey(),
                    dataDir.intakeSecretKey(),
                    dataDir.devToken(),
                    dataDir.log("kafka"))) {
                Files.writeString(file, "written by the stack");
            }
            for (Path directory : List.of(dataDir.postgres(), dataDir.kafka(), dataDir.mail())) {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve("data"), "written by the stack");
            }

            dataDir.clean();

            try (Stream<Path> left = Files.list(root)) {
                assertEquals(
                        List.of("local-stack.lock", "logs"),
                        left.map(p -> p.getFileName().toString()).sorted().toList());
            }
            try (Stream<Path> logs = Files.list(dataDir.logs())) {
                assertEquals(0, logs.count());
            }
        }
    }

    @Test
    void cleanRefusesADirectoryHoldingSomethingElse(@TempDir Path root) throws IOException {
        try (DataDirectory dataDir = new DataDirectory(root)) {
            dataDir.open();
            Files.writeString(root.resolve("thesis.docx"), "not the stack's");
            StackStartException refused = assertThrows(StackStartException.class, dataDir::clean);
            assertTrue(refused.getMessage().contains("thesis.docx"), refused.getMessage());
            assertTrue(Files.exists(root.resolve("thesis.docx")));
        }
    }
}
