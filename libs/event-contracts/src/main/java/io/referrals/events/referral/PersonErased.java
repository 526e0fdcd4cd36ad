package io.referrals.events.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * v1: the practice erased a referred person's personal data (their right to erasure). Names no one: only the ids of
 * the person's referrals, whose rows every service keeps (ids, dates, statuses, amounts) while dropping names,
 * contact details and notes. Published once per referral, keyed by that referral's id so that it follows the
 * referral's earlier events; each copy lists all of the erasure's referrals, so applying any copy twice is harmless.
 */
public record PersonErased(UUID erasureId, List<UUID> referralIds, Instant erasedAt) {
    public PersonErased {
        Objects.requireNonNull(erasureId, "erasureId");
        referralIds = List.copyOf(Objects.requireNonNull(referralIds, "referralIds"));
        Objects.requireNonNull(erasedAt, "erasedAt");
    }
}
