package io.referrals.partner.service;

import io.referrals.partner.entity.IntroductionKit;
import io.referrals.partner.entity.KitItem;
import io.referrals.partner.entity.KitItemKind;
import java.util.List;

/** A practice's introduction kit with its items, each kind in the practice's order. */
public record Kit(IntroductionKit kit, List<KitItem> items) {
    public List<KitItem> of(KitItemKind kind) {
        return items.stream().filter(item -> item.kind == kind).toList();
    }
}
