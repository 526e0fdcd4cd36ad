package io.referrals.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory a stack keeps between runs: PostgreSQL and Kafka data, logs, the dev key and token. A lock
 * file keeps two launchers off the same directory.
 */
public final class DataDirectory implements AutoCloseable {
    private static final String LOCK = "local-stack.lock";
    /** Everything the stack writes at the top level; {@code --clean} refuses to delete anything else. */
    private static final Set<String> OWN_ENTRIES = Set.of(
            LOCK,
            "postgres",
            "postgres.restoring",
            "kafka",
            "logs",
            "kafka.properties",
            "kafka-logging.properties",
            "dev-public-key.pem",
            "dev-private-key.pem",
            "portal-public-key.pem",
            "portal-private-key.pem",
            "dev-token.txt",
            "intake-secret-key.txt",
            "mail");

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directory and takes its lock, or fails if another stack holds it. */
    void open() {
        if (!tryOpen()) {
            throw new StackStartException("Another local stack is running on " + root
                    + ". Stop it first, or start this one with another --data-dir and --port-offset.");
        }
    }

    /** Creates the directory and takes its lock; false (holding nothing) if another stack holds it. */
    boolean tryOpen() {
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                return false;
            }
            Files.createDirectories(logs());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + root, e);
        }
    }

    /** Deletes all local data (keeping only the lock this launcher holds). */
    void clean() {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> all = entries.toList();
            List<String> foreign = all.stream()
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !OWN_ENTRIES.contains(name))
                    .sorted()
                    .toList();
            if (!foreign.isEmpty()) {
                throw new StackStartException("Refusing to --clean " + root + ": it holds files the local stack "
                        + "did not create " + foreign + ". Is --data-dir pointing at the right directory?");
            }
            for (Path entry : all) {
                if (!entry.getFileName().toString().equals(LOCK)) {
                    deleteRecursively(entry);
                }
            }
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + root, e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path kafkaProperties() {
        return root.resolve("kafka.properties");
    }

    public Path kafkaLogging() {
        return root.resolve("kafka-logging.properties");
    }

    /** The private half of this directory's development key pair (owner-readable only); signs dev tokens. */
    public Path privateKey() {
        return root.resolve("dev-private-key.pem");
    }

    public Path publicKey() {
        return root.resolve("dev-public-key.pem");
    }

    /** The private half of this directory's portal key pair (owner-readable only): partner-service signs sessions. */
    public Path portalPrivateKey() {
        return root.resolve("portal-private-key.pem");
    }

    /** The public half: the services verify partners' portal session tokens with it. */
    public Path portalPublicKey() {
        return root.resolve("portal-public-key.pem");
    }

    /** Every message sent through the local SMTP server, one {@code .eml} file each. */
    public Path mail() {
        return root.resolve("mail");
    }

    /** The key that encrypts intake links' signing secrets (INTAKE_SECRET_KEY): made once per data directory. */
    public Path intakeSecretKey() {
        return root.resolve("intake-secret-key.txt");
    }

    /**
     * The intake secret key itself, made on the directory's first start: signing secrets stored under it must stay
     * readable across restarts, and no two directories share one.
     */
    String readOrMakeIntakeSecretKey() {
        try {
            if (!Files.exists(intakeSecretKey())) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(intakeSecretKey(), Base64.getEncoder().encodeToString(key) + "\n");
            }
            return Files.readString(intakeSecretKey()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path devToken() {
        return root.resolve("dev-token.txt");
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
    }
}
