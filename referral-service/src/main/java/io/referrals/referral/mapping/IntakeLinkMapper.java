package io.referrals.referral.mapping;

import io.referrals.referral.entity.IntakeLink;
import io.referrals.referral.rest.IntakeLinkView;
import io.referrals.referral.service.IntakeLinkService;

public final class IntakeLinkMapper {
    private IntakeLinkMapper() {
    }

    /** Never carries the token or the signing secret. */
    public static IntakeLinkView toView(IntakeLink l) {
        return new IntakeLinkView(l.id, l.name, l.partnerId, l.signed, l.rateLimitPerMinute, l.createdAt, l.rotatedAt,
                l.revokedAt, null, null);
    }

    /** The one answer that shows the secrets: right after creating or rotating the link. */
    public static IntakeLinkView toViewWithSecrets(IntakeLinkService.WithSecrets s) {
        IntakeLink l = s.link();
        return new IntakeLinkView(l.id, l.name, l.partnerId, l.signed, l.rateLimitPerMinute, l.createdAt, l.rotatedAt,
                l.revokedAt, s.token(), s.signingSecret());
    }
}
