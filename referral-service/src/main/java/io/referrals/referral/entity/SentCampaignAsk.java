package io.referrals.referral.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A campaign's ask that reached the SMTP server (notification-service's CampaignAskSent): the partner was asked. */
@Entity
@Table(name = "campaign_ask_sent")
public class SentCampaignAsk extends PanacheEntityBase {
    @Id
    @Column(name = "ask_id")
    public UUID askId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    public UUID campaignId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Column(nullable = false, updatable = false)
    public String variant;

    @Column(name = "sent_at", nullable = false, updatable = false)
    public Instant sentAt;
}
