package io.referrals.partner.service;

import static io.referrals.events.PartnerStage.BUILDING_RAPPORT;
import static io.referrals.events.PartnerStage.DORMANT;
import static io.referrals.events.PartnerStage.ENDED;
import static io.referrals.events.PartnerStage.IDENTIFIED;
import static io.referrals.events.PartnerStage.MUTUAL_BENEFIT_AGREED;
import static io.referrals.events.PartnerStage.REACHED_OUT;
import static io.referrals.events.PartnerStage.TRUSTED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.events.PartnerStage;
import org.junit.jupiter.api.Test;

class PartnerLifecycleTest {
    @Test
    void movesOneStepAtATimeTowardsTrust() {
        assertTrue(PartnerLifecycle.allows(IDENTIFIED, REACHED_OUT));
        assertTrue(PartnerLifecycle.allows(REACHED_OUT, BUILDING_RAPPORT));
        assertTrue(PartnerLifecycle.allows(BUILDING_RAPPORT, MUTUAL_BENEFIT_AGREED));
        assertTrue(PartnerLifecycle.allows(MUTUAL_BENEFIT_AGREED, TRUSTED));
        assertFalse(PartnerLifecycle.allows(IDENTIFIED, TRUSTED));
        assertFalse(PartnerLifecycle.allows(TRUSTED, IDENTIFIED));
    }

    @Test
    void everyActiveStageCanGoDormantOrEndAndBeRevived() {
        for (PartnerStage stage : PartnerStage.values()) {
            if (PartnerLifecycle.isActive(stage)) {
                assertTrue(PartnerLifecycle.allows(stage, DORMANT), stage.json());
                assertTrue(PartnerLifecycle.allows(stage, ENDED), stage.json());
            }
        }
        assertTrue(PartnerLifecycle.allows(DORMANT, TRUSTED));
        assertTrue(PartnerLifecycle.allows(ENDED, REACHED_OUT));
        assertFalse(PartnerLifecycle.allows(ENDED, TRUSTED));
    }
}
