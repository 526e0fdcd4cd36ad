package io.referrals.partner.service;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The sticky variant of a partner in a campaign: SHA-256 over the campaign's seed and the partner's id (its 16 bytes,
 * most significant first), the digest's first 8 bytes read as an unsigned 64-bit number, that number modulo the sum of
 * the weights, and the variant whose cumulative weight range holds the remainder. The same seed and id always give the
 * same variant, on any replica and after any restart; a fresh random seed per campaign makes the split independent of
 * every other campaign's. The modulo bias is at most (sum of weights) / 2^64: nothing.
 */
public final class VariantAssignment {
    /** A variant's key and weight, in the campaign's order. */
    public record Weighted(String key, int weight) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive");
            }
        }
    }

    private VariantAssignment() {}

    public static String variantFor(byte[] seed, UUID partnerId, List<Weighted> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a campaign has at least one variant");
        }
        long total = variants.stream().mapToLong(Weighted::weight).sum();
        long point = Long.remainderUnsigned(hash(seed, partnerId), total);
        long upTo = 0;
        for (Weighted variant : variants) {
            upTo += variant.weight();
            if (point < upTo) {
                return variant.key();
            }
        }
        throw new IllegalStateException("unreachable: point " + point + " beyond total " + total);
    }

    /** The first 8 bytes of SHA-256(seed || partner id), as an unsigned 64-bit number held in a long. */
    static long hash(byte[] seed, UUID partnerId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha256.update(seed);
        sha256.update(ByteBuffer.allocate(16)
                .putLong(partnerId.getMostSignificantBits())
                .putLong(partnerId.getLeastSignificantBits())
                .array());
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }
}
