package io.referrals.notification.rest;

import io.referrals.notification.service.person.PersonErasure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonMessages", description = "What notification-service holds about one referred person")
public record PersonDataView(
        @Schema(example = "notification-service") String service,
        List<ReferralNameView> referrals,
        List<NotificationView> messages,
        List<TaskView> tasks) {

    @Schema(name = "PersonReferralName", description = "The first name kept for a referral (empty once erased)")
    public record ReferralNameView(
            UUID referralId, @Schema(example = "Sam") String referredFirstName) {}

    /** Tasks are judged overdue at {@code now}. */
    public static PersonDataView of(PersonErasure.PersonData data, Instant now) {
        return new PersonDataView(
                "notification-service",
                data.referrals().stream()
                        .map(r -> new ReferralNameView(r.referralId(), r.referredFirstName))
                        .toList(),
                data.messages().stream().map(NotificationView::of).toList(),
                data.tasks().stream().map(t -> TaskView.of(t, now)).toList());
    }
}
