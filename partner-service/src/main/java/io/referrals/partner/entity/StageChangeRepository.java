package io.referrals.partner.entity;

import io.referrals.platform.history.HistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StageChangeRepository implements HistoryRepository<StageChange> {}
