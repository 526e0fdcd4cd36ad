package io.referrals.referral.entity;

import io.referrals.platform.history.HistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentChangeRepository implements HistoryRepository<ConsentChange> {}
