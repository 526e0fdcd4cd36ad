package io.referrals.referral.rest;

import io.referrals.referral.service.BookingService;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a receiving URL answers a delivery it accepted. */
@Schema(name = "BookingReceipt")
public record BookingReceipt(
        @Schema(
                description = "booked, rescheduled, cancelled, no_show, unmatched (kept for the practice), "
                        + "duplicate (applied before: nothing changed) or ignored (a trigger about no booking)",
                example = "booked")
        BookingService.Outcome outcome,

        @Schema(nullable = true) UUID bookingId) {

    static BookingReceipt of(BookingService.Applied applied) {
        return new BookingReceipt(applied.outcome(), applied.bookingId());
    }
}
