package io.referrals.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void secretPathSegmentsAreReplacedByTheirTemplateName() {
        assertEquals("/api/intake/{token}", RequestPaths.redacted("/api/intake/il_4f9c2e"));
        assertEquals("/api/unsubscribe/{token}", RequestPaths.redacted("/api/unsubscribe/eyJwIjoiYSJ9.c2ln"));
        assertEquals("/api/unsubscribe/{token}/confirm", RequestPaths.redacted("/api/unsubscribe/abc/confirm"));
        assertEquals("/api/bookings/calcom/{token}", RequestPaths.redacted("/api/bookings/calcom/bk_9mQ3yZk0"));
        assertEquals("/api/bookings/calendly/{token}", RequestPaths.redacted("/api/bookings/calendly/bk_2b7c9d"));
    }

    @Test
    void otherPathsStayAsTheyAre() {
        assertEquals("/api/intake-links/7c1e", RequestPaths.redacted("/api/intake-links/7c1e"));
        assertEquals("/api/partners", RequestPaths.redacted("/api/partners"));
        assertEquals("/api/bookings/4f0c2e/match", RequestPaths.redacted("/api/bookings/4f0c2e/match"));
        assertEquals(null, RequestPaths.redacted((String) null));
    }
}
