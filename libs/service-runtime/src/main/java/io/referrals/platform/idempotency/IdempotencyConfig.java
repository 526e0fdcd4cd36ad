package io.referrals.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {
    /** How long an Idempotency-Key and its first answer are kept. */
    @WithDefault("PT48H")
    Duration retention();
}
