package io.referrals.referral.service;

import io.referrals.events.booking.BookingProvider;
import io.referrals.platform.persistence.AdvisoryLocks;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.BookingIntegrationRepository;
import io.referrals.referral.service.portal.PortalLinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A practice's booking integration (issue 30): connected, listed, rotated, removed. */
@ApplicationScoped
public class BookingIntegrationService {
    static final String TOKEN_PREFIX = "bk_";
    static final String SECRET_PREFIX = "whsec_";
    /** {@code bk_} and four characters of the token: enough to recognise it, too little to use it. */
    static final int HINT_LENGTH = TOKEN_PREFIX.length() + 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BookingIntegrationRepository integrations;

    @Inject
    IntakeSecretCipher cipher;

    @Inject
    Clock clock;

    @Inject
    PortalLinkConfig links;

    @Inject
    AdvisoryLocks locks;

    /**
     * An integration with what is shown once: the receiving URL's token (null when it did not change) and the signing
     * secret when the platform made it (null when the practice gave it).
     */
    public record WithSecrets(BookingIntegration integration, String token, String generatedSecret) {}

    @Transactional
    public WithSecrets connect(String tenantId, BookingIntegrationCommands.Connect request) {
        BookingProvider provider = providerOf(request.provider());
        // Two connects at once queue on the practice's lock: the second sees the first and answers 409, rather than
        // failing on the one-active-integration index at commit (a 500).
        locks.lockPractices(List.of(tenantId));
        integrations.findActive(tenantId).ifPresent(existing -> {
            throw ProblemException.conflict(
                    "booking-integration-exists",
                    "A booking integration is connected",
                    "The practice has a booking integration already; remove it first, or rotate its secret.",
                    Map.of("integrationId", existing.id.toString()));
        });
        BookingIntegration integration = new BookingIntegration();
        integration.id = UUID.randomUUID();
        integration.tenantId = tenantId;
        integration.provider = provider;
        integration.bookingPageUrl = request.bookingPageUrl().strip();
        integration.connectedAt = Timestamps.now(clock);
        String token = newToken(integration);
        String generated = setSecret(integration, request.signingSecret());
        integrations.persist(integration);
        return new WithSecrets(integration, token, generated);
    }

    @Transactional
    public WithSecrets rotate(String tenantId, UUID id, BookingIntegrationCommands.Rotate request) {
        BookingIntegration integration = get(tenantId, id);
        String generated = setSecret(integration, request == null ? null : request.signingSecret());
        String token = request != null && Boolean.TRUE.equals(request.newReceivingUrl()) ? newToken(integration) : null;
        integration.rotatedAt = Timestamps.now(clock);
        return new WithSecrets(integration, token, generated);
    }

    /** Its receiving URL answers 404 from now on; its bookings stay. */
    @Transactional
    public void remove(String tenantId, UUID id) {
        get(tenantId, id).removedAt = Timestamps.now(clock);
    }

    /** An active integration of the practice; a removed one, or another practice's, is a 404. */
    public BookingIntegration get(String tenantId, UUID id) {
        return integrations
                .findActiveInTenant(tenantId, id)
                .orElseThrow(() -> ProblemException.notFound("Booking integration", id));
    }

    public List<BookingIntegration> list(String tenantId) {
        return integrations.listActive(tenantId);
    }

    /**
     * The receiving URL on the platform's public origin ({@code PUBLIC_BASE_URL}, else the origin of the request):
     * with the token right after it was issued, else with the token elided to its hint ({@code bk_abcd…}), as the
     * token is kept hashed only.
     */
    public String receivingUrl(BookingIntegration integration, String token, URI requestBase) {
        String base = links.publicBaseUrl()
                .filter(value -> !value.isBlank())
                .orElseGet(() -> requestBase.resolve("/").toString());
        return base.replaceAll("/+$", "") + "/api/bookings/" + integration.provider.json() + "/"
                + (token != null ? token : integration.tokenHint + "\u2026");
    }

    private static BookingProvider providerOf(String provider) {
        return BookingProvider.valueOf(provider.toUpperCase(Locale.ROOT));
    }

    /** A given secret is kept as given; Calendly's must be given (Calendly makes it), Cal.com's may be made here. */
    private String setSecret(BookingIntegration integration, String given) {
        String secret = given == null || given.isBlank() ? null : given.strip();
        String generated = null;
        if (secret == null) {
            if (integration.provider == BookingProvider.CALENDLY) {
                throw ProblemException.invalidField(
                        "signingSecret", "give the webhook signing key Calendly shows for this webhook");
            }
            generated = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
            secret = generated;
        }
        integration.signingSecret = cipher.encryptBookingSecret(integration, secret);
        return generated;
    }

    private static String newToken(BookingIntegration integration) {
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        integration.tokenHash = IntakeSecrets.hash(token);
        integration.tokenHint = token.substring(0, HINT_LENGTH);
        return token;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
