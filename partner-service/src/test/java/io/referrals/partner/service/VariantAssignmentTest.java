package io.referrals.partner.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sticky hash: 10,000 partner ids split over the weights within a stated tolerance, each id always gets the same
 * variant, and the values match a reference computed outside Java (Python's hashlib), so every replica and every later
 * version of the service assigns the same.
 */
class VariantAssignmentTest {
    private static final int PARTNERS = 10_000;

    /**
     * ±2 percentage points. A fair split's share over n = 10,000 ids has a standard deviation of sqrt(p(1-p)/n): 0.5
     * points at 50/50, 0.4 at 80/20. Two points is 4 and 5 standard deviations: a correct hash fails this less than
     * once in 15,000 runs, while an off-by-one in the ranges or a biased hash moves the share by far more.
     */
    private static final double TOLERANCE = 0.02;

    private static final List<VariantAssignment.Weighted> FIFTY_FIFTY =
            List.of(new VariantAssignment.Weighted("a", 50), new VariantAssignment.Weighted("b", 50));
    private static final List<VariantAssignment.Weighted> EIGHTY_TWENTY =
            List.of(new VariantAssignment.Weighted("a", 80), new VariantAssignment.Weighted("b", 20));

    /** Random version-4 ids, from a fixed seed so a failure can be replayed. */
    private static List<UUID> partnerIds(long seed) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            ids.add(new UUID(msb, lsb));
        }
        return ids;
    }

    private static byte[] seed(long from) {
        byte[] seed = new byte[32];
        new Random(from).nextBytes(seed);
        return seed;
    }

    private static Map<String, Integer> split(byte[] seed, List<UUID> ids, List<VariantAssignment.Weighted> weights) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(VariantAssignment.variantFor(seed, id, weights), 1, Integer::sum));
        return counts;
    }

    @Test
    void tenThousandPartnersSplitFiftyFiftyWithinTwoPoints() {
        Map<String, Integer> counts = split(seed(1), partnerIds(29), FIFTY_FIFTY);
        double shareA = counts.get("a") / (double) PARTNERS;
        System.out.printf(
                "assignment 50/50 over %d ids: a %d, b %d (a's share %.4f)%n",
                PARTNERS, counts.get("a"), counts.get("b"), shareA);
        assertEquals(0.5, shareA, TOLERANCE, "a's share: " + counts);
        assertEquals(PARTNERS, counts.get("a") + counts.get("b"));
    }

    @Test
    void tenThousandPartnersSplitEightyTwentyWithinTwoPoints() {
        Map<String, Integer> counts = split(seed(2), partnerIds(30), EIGHTY_TWENTY);
        double shareA = counts.get("a") / (double) PARTNERS;
        System.out.printf(
                "assignment 80/20 over %d ids: a %d, b %d (a's share %.4f)%n",
                PARTNERS, counts.get("a"), counts.get("b"), shareA);
        assertEquals(0.8, shareA, TOLERANCE, "a's share: " + counts);
        assertEquals(PARTNERS, counts.get("a") + counts.get("b"));
    }

    @Test
    void theSamePartnerAlwaysGetsTheSameVariant() {
        byte[] seed = seed(3);
        for (UUID id : partnerIds(31).subList(0, 1000)) {
            String first = VariantAssignment.variantFor(seed, id, FIFTY_FIFTY);
            for (int again = 0; again < 3; again++) {
                assertEquals(
                        first, VariantAssignment.variantFor(seed.clone(), UUID.fromString(id.toString()), FIFTY_FIFTY));
            }
        }
    }

    @Test
    void anotherCampaignsSeedSplitsIndependently() {
        List<UUID> ids = partnerIds(32);
        byte[] one = seed(4);
        byte[] other = seed(5);
        long same = ids.stream()
                .filter(id -> VariantAssignment.variantFor(one, id, FIFTY_FIFTY)
                        .equals(VariantAssignment.variantFor(other, id, FIFTY_FIFTY)))
                .count();
        // Independent 50/50 splits agree for half the ids (sd 0.5 points): not for all, not for none.
        assertEquals(0.5, same / (double) PARTNERS, TOLERANCE);
    }

    /** Reference values from Python: int.from_bytes(sha256(seed + uuid.bytes).digest()[:8], "big"). */
    @Test
    void matchesAReferenceComputedOutsideJava() {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        UUID dana = UUID.fromString("0b7c1f0e-8f8e-4a4b-9a53-2b8d1c3f5e61");
        UUID lee = UUID.fromString("5f0c2a3e-6d1b-4c8e-9f7a-1b2c3d4e5f60");
        UUID one = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertEquals("12471600362283761925", Long.toUnsignedString(VariantAssignment.hash(seed, dana)));
        assertEquals("14804842144770576198", Long.toUnsignedString(VariantAssignment.hash(seed, lee)));
        assertEquals("17407480427944438025", Long.toUnsignedString(VariantAssignment.hash(seed, one)));
        // mod 100: 25, 98, 25; mod 3: 0, 0, 2.
        assertEquals("a", VariantAssignment.variantFor(seed, dana, EIGHTY_TWENTY));
        assertEquals("b", VariantAssignment.variantFor(seed, lee, EIGHTY_TWENTY));
        assertEquals("a", VariantAssignment.variantFor(seed, one, EIGHTY_TWENTY));
        List<VariantAssignment.Weighted> thirds = List.of(
                new VariantAssignment.Weighted("a", 1),
                new VariantAssignment.Weighted("b", 1),
                new VariantAssignment.Weighted("c", 1));
        assertEquals("a", VariantAssignment.variantFor(seed, dana, thirds));
        assertEquals("c", VariantAssignment.variantFor(seed, one, thirds));
        // The top bit set (values above Long.MAX_VALUE) is read unsigned, not as a negative remainder.
        assertTrue(VariantAssignment.hash(seed, dana) < 0);
        assertNotEquals(
                VariantAssignment.variantFor(seed, dana, thirds), VariantAssignment.variantFor(seed, one, thirds));
    }
}
