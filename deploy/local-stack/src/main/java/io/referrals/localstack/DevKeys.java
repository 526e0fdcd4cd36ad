package io.referrals.localstack;

import io.referrals.testing.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * The development key pair of one data directory: made on its first start, kept (private key readable by its owner
 * only) so that tokens stay valid across restarts, and gone with {@code --clean}. Unlike the committed test key, a
 * token made for one machine's stack is worth nothing on another's.
 */
final class DevKeys {
    private final PrivateKey privateKey;

    private DevKeys(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /**
     * Reads the directory's key pair, or makes and stores a new one; and the same for the portal's key pair
     * (partner-service signs partners' session tokens with it, every service verifies them).
     */
    static DevKeys of(DataDirectory dataDir) {
        try {
            ensurePair(dataDir.privateKey(), dataDir.publicKey());
            ensurePair(dataDir.portalPrivateKey(), dataDir.portalPublicKey());
            String pem = Files.readString(dataDir.privateKey())
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return new DevKeys(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the development key pair in " + dataDir.root(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StackStartException("The development key in " + dataDir.privateKey()
                    + " is unreadable; delete it (and " + dataDir.publicKey() + ") to make a new pair.");
        }
    }

    /** A token the stack's services accept: issuer and audience as configured for them. */
    String token(String tenantId, Duration lifetime, String... roles) {
        return DevTokens.token(privateKey, tenantId, lifetime, roles);
    }

    private static void ensurePair(Path privateKey, Path publicKey) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, content);
    }
}
