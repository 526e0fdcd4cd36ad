package io.referrals.partner.service;

import io.referrals.partner.entity.Partner;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The partners the referral.events consumer's transaction loaded (and locked) for its whole batch before applying it
 * (issue 31: one statement per practice and poll instead of one per event), kept until the transaction ends and asked
 * first by the code its events run. An answer is {@code null} where the partner was not loaded (that code then asks the
 * database, as it always did); empty where it was asked for and did not exist when the batch began, until the batch
 * creates it. Empty in every other transaction.
 */
@TransactionScoped
public class BatchPartners implements Serializable {
    private final Map<Key, Optional<Partner>> partners = new HashMap<>();

    private record Key(String tenantId, UUID id) implements Serializable {}

    public void loaded(String tenantId, Set<UUID> ids, List<Partner> found) {
        ids.forEach(id -> partners.put(new Key(tenantId, id), Optional.empty()));
        found.forEach(partner -> partners.put(new Key(tenantId, partner.id), Optional.of(partner)));
    }

    /** The partner, loaded and locked (empty: none when the batch began), or null: not loaded, ask the database. */
    public Optional<Partner> partner(String tenantId, UUID id) {
        return id == null ? null : partners.get(new Key(tenantId, id));
    }

    /** A partner the batch created: a later event of the batch naming them finds them, not flushed yet or not. */
    public void created(Partner partner) {
        partners.put(new Key(partner.tenantId, partner.id), Optional.of(partner));
    }
}
