package io.referrals.partner.service;

import io.referrals.partner.entity.PortalAccess;

/** A partner's portal access with the partner's name, as the practice lists it. */
public record PortalAccessEntry(PortalAccess access, String partnerName) {}
