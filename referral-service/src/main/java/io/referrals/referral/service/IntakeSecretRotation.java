package io.referrals.referral.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.BookingIntegrationRepository;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.entity.IntakeLinkRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Brings every stored signing secret (and partner's link token) under the current {@code INTAKE_SECRET_KEY} at start:
 * those under a key now in
 * {@code INTAKE_PREVIOUS_SECRET_KEYS} and those still in plain text, so that the previous key can be dropped once
 * every replica has started. {@value #BATCH} links per transaction, in id order, each batch locked while it is
 * rewritten; a second run (or a second replica) finds nothing left to do. A value under a key that is neither current
 * nor previous is left as it is and logged by link id: that link's requests fail until the key is given back or the
 * link is rotated, every other link keeps working.
 */
@ApplicationScoped
public class IntakeSecretRotation {
    private static final Logger LOG = Logger.getLogger(IntakeSecretRotation.class);
    /** Links re-encrypted per transaction. */
    static final int BATCH = 100;

    @Inject
    IntakeLinkRepository links;

    @Inject
    IntakeSecretCipher cipher;

    @Inject
    BookingIntegrationRepository bookingIntegrations;

    /** Before the service takes requests (and after the key itself is checked). */
    void atStart(@Observes @Priority(10) StartupEvent start) {
        int reencrypted = reencryptUnderCurrentKey();
        if (reencrypted > 0) {
            LOG.infof("Re-encrypted %d intake signing secrets under the current INTAKE_SECRET_KEY", reencrypted);
        }
        int bookings = reencryptBookingSecretsUnderCurrentKey();
        if (bookings > 0) {
            LOG.infof(
                    "Re-encrypted %d booking integrations' signing secrets under the current INTAKE_SECRET_KEY",
                    bookings);
        }
    }

    /** The same for booking integrations' signing secrets (issue 30), which the same key encrypts. */
    public int reencryptBookingSecretsUnderCurrentKey() {
        String currentPrefix = cipher.currentPrefix();
        int reencrypted = 0;
        UUID after = new UUID(0L, 0L);
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> reencryptBookingBatch(currentPrefix, from));
            reencrypted += batch.reencrypted();
            if (batch.looked() < BATCH) {
                return reencrypted;
            }
            after = batch.last();
        }
    }

    private Batch reencryptBookingBatch(String currentPrefix, UUID after) {
        List<BookingIntegration> batch = bookingIntegrations.signingSecretsNotUnder(currentPrefix, after, BATCH);
        int reencrypted = 0;
        for (BookingIntegration integration : batch) {
            try {
                integration.signingSecret =
                        cipher.encryptBookingSecret(integration, cipher.bookingSecretOf(integration));
                reencrypted++;
            } catch (IllegalStateException unreadable) {
                LOG.warnf("Booking integration %s: %s", integration.id, unreadable.getMessage());
            }
        }
        return new Batch(batch.size(), reencrypted, batch.isEmpty() ? after : batch.get(batch.size() - 1).id);
    }

    /** Re-encrypts every signing secret not under the current key that can be read; answers how many it did. */
    public int reencryptUnderCurrentKey() {
        String currentPrefix = cipher.currentPrefix();
        int reencrypted = 0;
        UUID after = new UUID(0L, 0L); // the smallest uuid: PostgreSQL compares them byte by byte
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> reencryptBatch(currentPrefix, from));
            reencrypted += batch.reencrypted();
            if (batch.looked() < BATCH) {
                return reencrypted;
            }
            after = batch.last();
        }
    }

    /** How many links a batch looked at, how many of them it re-encrypted, and the last id, where the next starts. */
    private record Batch(int looked, int reencrypted, UUID last) {}

    private Batch reencryptBatch(String currentPrefix, UUID after) {
        List<IntakeLink> batch = links.signingSecretsNotUnder(currentPrefix, after, BATCH);
        int reencrypted = 0;
        for (IntakeLink link : batch) {
            try {
                if (link.signingSecret != null && !cipher.isCurrent(link.signingSecret)) {
                    link.signingSecret = cipher.underCurrentKey(link);
                }
                if (link.partnerToken != null && !cipher.isCurrent(link.partnerToken)) {
                    link.partnerToken = cipher.partnerTokenUnderCurrentKey(link);
                }
                reencrypted++;
            } catch (IllegalStateException unreadable) {
                LOG.warnf("Intake link %s: %s", link.id, unreadable.getMessage());
            }
        }
        return new Batch(batch.size(), reencrypted, batch.isEmpty() ? after : batch.get(batch.size() - 1).id);
    }
}
