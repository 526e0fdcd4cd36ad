package io.referrals.platform.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from PEM text at a location: a file if one is there, else a resource on the class path. */
public final class PemKeys {
    private PemKeys() {}

    public static PublicKey publicKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(location, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA public key (PEM): " + location, e);
        }
    }

    public static PrivateKey privateKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(location, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA private key (PKCS#8 PEM): " + location, e);
        }
    }

    private static byte[] der(String location, String label) {
        String pem = read(location);
        int begin = pem.indexOf("-----BEGIN " + label + "-----");
        int end = pem.indexOf("-----END " + label + "-----");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("No " + label + " in " + location);
        }
        String body = pem.substring(begin + ("-----BEGIN " + label + "-----").length(), end);
        return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
    }

    private static String read(String location) {
        String name = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try {
            Path file = Path.of(name);
            if (!location.startsWith("classpath:") && Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("No key at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Key unreadable: " + location, e);
        }
    }
}
