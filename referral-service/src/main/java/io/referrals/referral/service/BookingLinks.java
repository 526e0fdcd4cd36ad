package io.referrals.referral.service;

import io.referrals.events.booking.BookingProvider;
import io.referrals.referral.entity.BookingIntegration;
import io.referrals.referral.entity.BookingIntegrationRepository;
import io.referrals.referral.entity.Referral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Booking links: the practice's booking page with a referral's code attached where the provider hands it back with
 * the booking (Cal.com: {@code metadata[ref]}, Calendly: the {@code utm_content} UTM parameter).
 */
@ApplicationScoped
public class BookingLinks {
    @Inject
    BookingIntegrationRepository integrations;

    /** The referral's booking link; null while the practice has no active booking integration. */
    public String linkFor(Referral referral) {
        return linkFor(referral.tenantId, referral.bookingCode);
    }

    public String linkFor(String tenantId, String bookingCode) {
        Optional<BookingIntegration> integration = integrations.findActive(tenantId);
        return integration
                .map(i -> link(i.provider, i.bookingPageUrl, bookingCode))
                .orElse(null);
    }

    /** Booking links of one practice's referrals, its integration looked up once (for a page of them). */
    public Function<Referral, String> linkerFor(String tenantId) {
        Optional<BookingIntegration> integration = integrations.findActive(tenantId);
        return referral -> integration
                .map(i -> link(i.provider, i.bookingPageUrl, referral.bookingCode))
                .orElse(null);
    }

    /** The page URL with the code appended as the provider's parameter ({@code &} when the URL has a query already). */
    public static String link(BookingProvider provider, String bookingPageUrl, String code) {
        String parameter = provider == BookingProvider.CALCOM ? "metadata%5Bref%5D=" : "utm_content=";
        String separator = bookingPageUrl.endsWith("?") || bookingPageUrl.endsWith("&")
                ? ""
                : bookingPageUrl.contains("?") ? "&" : "?";
        return bookingPageUrl + separator + parameter + code;
    }
}
