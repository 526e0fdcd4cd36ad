package io.referrals.benchmark;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time in microseconds: a referral's answer, a webhook's arrival and a mail file's modification time are
 * compared on it, since the SMTP server only leaves the last.
 */
final class Clocks {
    private Clocks() {}

    static long epochMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
    }
}
