package io.referrals.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void secretPathSegmentsAreReplacedByTheirTemplateName() {
        assertEquals("/api/intake/{token}", RequestPaths.redacted("/api/intake/il_4f9c2e"));
        assertEquals("/api/unsubscribe/{token}", RequestPaths.redacted("/api/unsubscribe/eyJwIjoiYSJ9.c2ln"));
        assertEquals("/api/unsubscribe/{token}/confirm", RequestPaths.redacted("/api/unsubscribe/abc/confirm"));
    }

    @Test
    void otherPathsStayAsTheyAre() {
        assertEquals("/api/intake-links/7c1e", RequestPaths.redacted("/api/intake-links/7c1e"));
        assertEquals("/api/partners", RequestPaths.redacted("/api/partners"));
        assertEquals(null, RequestPaths.redacted((String) null));
    }
}
