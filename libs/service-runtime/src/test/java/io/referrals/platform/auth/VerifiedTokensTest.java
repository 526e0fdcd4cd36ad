package io.referrals.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void aVerifiedTokenIsAnsweredUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(clock, null, 100);
        JsonWebToken token = token(NOW.minusSeconds(60), NOW.plusSeconds(600));
        tokens.keep("raw", token);

        assertSame(token, tokens.find("raw"));
        assertNull(tokens.find("raw-other"), "only the exact text of a verified token is known");
        clock.now = NOW.plusSeconds(599);
        assertSame(token, tokens.find("raw"));
        clock.now = NOW.plusSeconds(600);
        assertNull(tokens.find("raw"), "expired: verified again, and refused there");
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenIsAnsweredNoLongerThanTheAcceptedTokenAge() {
        VerifiedTokens tokens = new VerifiedTokens(clock, 3600L, 100);
        tokens.keep("raw", token(NOW.minus(Duration.ofMinutes(59)), NOW.plus(Duration.ofHours(12))));

        clock.now = NOW.plusSeconds(59);
        assertEquals("practice-a", tokens.find("raw").getClaim("tenant_id"));
        clock.now = NOW.plusSeconds(60);
        assertNull(tokens.find("raw"), "issued an hour ago: too old for mp.jwt.verify.token.age");
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(clock, null, 100);
        tokens.keep("no-exp", token(NOW, null));
        tokens.keep("expired", token(NOW.minusSeconds(120), NOW.minusSeconds(1)));

        assertNull(tokens.find("no-exp"));
        assertNull(tokens.find("expired"));
        assertEquals(0, tokens.size());
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndNeverGrowsPastItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(clock, null, 3);
        tokens.keep("short", token(NOW, NOW.plusSeconds(10)));
        tokens.keep("long-1", token(NOW, NOW.plusSeconds(600)));
        tokens.keep("long-2", token(NOW, NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(10);

        tokens.keep("long-3", token(NOW, NOW.plusSeconds(600)));
        assertEquals(3, tokens.size());
        assertNull(tokens.find("short"));

        tokens.keep("long-4", token(NOW, NOW.plusSeconds(600)));
        assertEquals(1, tokens.size(), "full of live tokens: started again");
        assertEquals("practice-a", tokens.find("long-4").getClaim("tenant_id"));
    }

    private static JsonWebToken token(Instant issuedAt, Instant expires) {
        Map<String, Object> claims = expires == null
                ? Map.of("iat", issuedAt.getEpochSecond(), "tenant_id", "practice-a")
                : Map.of("iat", issuedAt.getEpochSecond(), "exp", expires.getEpochSecond(), "tenant_id", "practice-a");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "owner@practice-a";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
