package io.referrals.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a practice id may be (issue 26): nothing that reaches a service's reserved ids. */
class TenantIdsTest {

    @Test
    void practiceIdsInUseAreValid() {
        for (String id : new String[] {
            "demo-practice", "practice-" + UUID.randomUUID(), "org_2f9c", "acme.coaching", "7", "a".repeat(64)
        }) {
            assertTrue(TenantIds.isValid(id), id);
        }
    }

    @Test
    void reservedAndMalformedIdsAreNot() {
        for (String id : new String[] {
            null,
            "",
            " ",
            "rebuild:acme",
            "rebuild:",
            "-acme",
            ".acme",
            "acme practice",
            "acme/other",
            "acme\n",
            "acme\u0000",
            "ac\u202eme",
            "äcme",
            "a".repeat(65)
        }) {
            assertFalse(TenantIds.isValid(id), String.valueOf(id));
        }
    }
}
