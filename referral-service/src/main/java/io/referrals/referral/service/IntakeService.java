package io.referrals.referral.service;

import io.referrals.platform.problem.ProblemException;
import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.rest.ReferralRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** What a public intake request asks for, once its link is known; the referral itself goes through ReferralService. */
@ApplicationScoped
public class IntakeService {

    /**
     * The referral request to record for this link. The body is validated on the way in (a violation is the same
     * 400 problem as on the API). A link bound to a partner records every referral as theirs: naming a referrer or
     * another partner is a 400.
     */
    public ReferralRequests.Receive effectiveRequest(IntakeLink link, @NotNull @Valid ReferralRequests.Receive request) {
        if (link.partnerId == null) {
            return request;
        }
        if (request.referrer() != null) {
            throw ProblemException.invalidField("referrer", "this intake link belongs to one partner; leave it out");
        }
        if (request.partnerId() != null && !request.partnerId().equals(link.partnerId)) {
            throw ProblemException.invalidField("partnerId", "this intake link belongs to another partner; leave it out");
        }
        return new ReferralRequests.Receive(link.partnerId, null, request.referred(), request.note(),
                request.consent());
    }
}
