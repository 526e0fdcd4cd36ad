package io.referrals.referral;

import static io.referrals.referral.Fixtures.as;
import static io.referrals.referral.Fixtures.knownPartner;
import static io.referrals.referral.Fixtures.referralBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.referral.service.BookingCodeDraws;
import io.referrals.testing.PlatformTestResource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A new referral's booking code is not looked up before it is used (issue 31): the unique index refuses a code the
 * practice has already, and the request runs again with a new draw. Here the draw is made to repeat a code on purpose.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BookingCodeCollisionTest {
    private final String tenant = "practice-" + UUID.randomUUID();

    /** Draws {@code repeated} first, then random codes as production does; counts the draws. */
    static final class RepeatingFirst extends BookingCodeDraws {
        final String repeated;
        final AtomicInteger draws = new AtomicInteger();

        RepeatingFirst(String repeated) {
            this.repeated = repeated;
        }

        @Override
        public String next() {
            return draws.incrementAndGet() == 1 ? repeated : super.next();
        }
    }

    @Test
    void aReferralWhoseFirstCodeIsTakenIsRecordedOnceWithAnotherCode() {
        UUID partnerId = knownPartner(tenant, "Dana Lee");
        String taken = as(tenant, "member")
                .body(referralBody(partnerId, "First Person", "first@example.com"))
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("bookingCode");
        RepeatingFirst draws = new RepeatingFirst(taken);
        QuarkusMock.installMockForType(draws, BookingCodeDraws.class);

        String body = referralBody(partnerId, "Second Person", "second@example.com");
        var answer = as(tenant, "member")
                .header("Idempotency-Key", "collision-1")
                .body(body)
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .extract();
        String id = answer.path("id");
        String code = answer.path("bookingCode");
        assertNotEquals(taken, code);
        assertEquals(2, draws.draws.get(), "the taken code, refused by the index, then a new one");

        // The refused attempt left nothing behind: one referral, and the key answers the recorded one.
        as(tenant, "viewer")
                .get("/api/referrals?partnerId=" + partnerId + "&size=200")
                .then()
                .statusCode(200)
                .body("items.findAll { it.referred.name == 'Second Person' }.size()", equalTo(1))
                .body("items.findAll { it.bookingCode == '" + taken + "' }.size()", equalTo(1));
        as(tenant, "member")
                .header("Idempotency-Key", "collision-1")
                .body(body)
                .post("/api/referrals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("bookingCode", equalTo(code));
    }
}
