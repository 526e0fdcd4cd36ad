package io.referrals.referral;

import io.referrals.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Layers point inward, one persistence style, time from the Clock, configuration by mapping. */
class ArchitectureTest {

    @Test
    void codeFollowsThePlatformRules() {
        ServiceArchitecture.check("io.referrals.referral");
    }
}
