package io.referrals.partner.service;

import static io.referrals.partner.entity.CampaignStatus.DRAFT;
import static io.referrals.partner.entity.CampaignStatus.ENDED;
import static io.referrals.partner.entity.CampaignStatus.RUNNING;
import static io.referrals.partner.entity.CampaignStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.referrals.partner.entity.CampaignStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignLifecycleTest {
    @Test
    void aDraftIsScheduledOrStartedAndAScheduledCampaignStarts() {
        assertEquals(List.of(SCHEDULED, RUNNING), CampaignLifecycle.allowedFrom(DRAFT));
        assertEquals(List.of(RUNNING, DRAFT), CampaignLifecycle.allowedFrom(SCHEDULED));
        assertTrue(CampaignLifecycle.allows(DRAFT, RUNNING));
        assertTrue(CampaignLifecycle.allows(SCHEDULED, RUNNING));
        assertFalse(CampaignLifecycle.allows(DRAFT, ENDED), "a campaign that never ran does not end");
        assertFalse(CampaignLifecycle.allows(SCHEDULED, ENDED));
    }

    @Test
    void aRunningCampaignOnlyEndsAndNothingStartedGoesBack() {
        assertEquals(List.of(ENDED), CampaignLifecycle.allowedFrom(RUNNING));
        assertEquals(List.of(), CampaignLifecycle.allowedFrom(ENDED));
        assertTrue(CampaignLifecycle.allows(SCHEDULED, DRAFT), "called off before it starts");
        for (CampaignStatus from : List.of(RUNNING, ENDED)) {
            assertFalse(CampaignLifecycle.allows(from, DRAFT), from.json() + " -> draft");
        }
        for (CampaignStatus from : CampaignStatus.values()) {
            assertFalse(CampaignLifecycle.allows(from, from), from.json() + " -> itself");
        }
        assertFalse(CampaignLifecycle.allows(RUNNING, SCHEDULED));
        assertFalse(CampaignLifecycle.allows(ENDED, RUNNING));
    }

    @Test
    void onlyACampaignNotStartedCanBeRewritten() {
        assertTrue(CampaignLifecycle.editable(DRAFT));
        assertTrue(CampaignLifecycle.editable(SCHEDULED));
        assertFalse(CampaignLifecycle.editable(RUNNING));
        assertFalse(CampaignLifecycle.editable(ENDED));
    }
}
