package io.referrals.partner.service;

import static io.referrals.partner.entity.CampaignStatus.DRAFT;
import static io.referrals.partner.entity.CampaignStatus.ENDED;
import static io.referrals.partner.entity.CampaignStatus.RUNNING;
import static io.referrals.partner.entity.CampaignStatus.SCHEDULED;

import io.referrals.partner.entity.CampaignStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's lifecycle: a draft is scheduled or started at once, a scheduled campaign starts at its startsAt (or
 * when the practice starts it early) or is called off back to a draft (it has assigned nobody yet), a running one
 * ends. Nothing started goes back: what a started campaign assigned never changes, and an ended campaign stays ended.
 */
public final class CampaignLifecycle {
    private static final Map<CampaignStatus, List<CampaignStatus>> NEXT = new EnumMap<>(CampaignStatus.class);

    static {
        NEXT.put(DRAFT, List.of(SCHEDULED, RUNNING));
        NEXT.put(SCHEDULED, List.of(RUNNING, DRAFT));
        NEXT.put(RUNNING, List.of(ENDED));
        NEXT.put(ENDED, List.of());
    }

    private CampaignLifecycle() {}

    public static List<CampaignStatus> allowedFrom(CampaignStatus status) {
        return NEXT.get(status);
    }

    public static boolean allows(CampaignStatus from, CampaignStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Whether the practice may still change the campaign's request (name, window, audience, variants). */
    public static boolean editable(CampaignStatus status) {
        return status == DRAFT || status == SCHEDULED;
    }
}
