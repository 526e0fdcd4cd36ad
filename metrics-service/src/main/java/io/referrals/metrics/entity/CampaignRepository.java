package io.referrals.metrics.entity;

import io.referrals.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The campaign tables (V9): written one event's fact at a time, each statement idempotent, so a redelivered or
 * reordered event changes nothing twice; counted when read.
 */
@ApplicationScoped
public class CampaignRepository {
    @Inject
    Sql sql;

    /** What a campaign's start said; its end (which may be stored already) is kept. */
    public void started(
            String tenantId,
            UUID campaignId,
            String name,
            String goal,
            String trigger,
            Instant startsAt,
            Instant endsAt,
            Instant startedAt,
            java.math.BigDecimal differenceWorthKnowing) {
        sql.update("""
                insert into campaign (tenant_id, campaign_id, name, goal, trigger_kind, starts_at, ends_at, started_at,
                    difference_worth_knowing)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as numeric))
                on conflict (tenant_id, campaign_id) do update set name = excluded.name, goal = excluded.goal,
                    trigger_kind = excluded.trigger_kind, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    started_at = excluded.started_at, difference_worth_knowing = excluded.difference_worth_knowing""", tenantId, campaignId, name, goal, trigger, startsAt, endsAt, startedAt, differenceWorthKnowing);
    }

    public void variant(String tenantId, UUID campaignId, VariantRow variant) {
        sql.update(
                """
                insert into campaign_variant (tenant_id, campaign_id, variant_key, position, name, weight,
                    incentive_type, incentive_amount, incentive_currency, incentive_description, incentive_earned_on)
                values (?, ?, ?, ?, ?, ?, cast(? as varchar), cast(? as numeric), cast(? as char(3)),
                    cast(? as varchar), cast(? as varchar))
                on conflict (tenant_id, campaign_id, variant_key) do nothing""",
                tenantId,
                campaignId,
                variant.key(),
                variant.position(),
                variant.name(),
                variant.weight(),
                variant.incentiveType(),
                variant.incentiveAmount(),
                variant.incentiveCurrency(),
                variant.incentiveDescription(),
                variant.incentiveEarnedOn());
    }

    public void ended(String tenantId, UUID campaignId, Instant endedAt) {
        sql.update("""
                insert into campaign (tenant_id, campaign_id, ended_at) values (?, ?, ?)
                on conflict (tenant_id, campaign_id) do update set ended_at = excluded.ended_at""", tenantId, campaignId, endedAt);
    }

    public void askSent(String tenantId, UUID askId, UUID campaignId, UUID partnerId, String variant, Instant sentAt) {
        sql.update("""
                insert into campaign_ask (tenant_id, ask_id, campaign_id, partner_id, variant_key, sent_at)
                values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, ask_id) do nothing""", tenantId, askId, campaignId, partnerId, variant, sentAt);
    }

    /** At most one campaign per referral: the first attribution stands. */
    public void attributed(
            String tenantId,
            UUID referralId,
            UUID campaignId,
            String variant,
            UUID partnerId,
            UUID askId,
            String via,
            Instant receivedAt,
            Instant attributedAt) {
        sql.update("""
                insert into campaign_referral (tenant_id, referral_id, campaign_id, variant_key, partner_id, ask_id, via,
                    received_at, attributed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, referral_id) do nothing""", tenantId, referralId, campaignId, variant, partnerId, askId, via, receivedAt, attributedAt);
    }

    public void rewardEarned(
            String tenantId,
            UUID rewardId,
            UUID referralId,
            UUID partnerId,
            String type,
            BigDecimal amount,
            String currency) {
        sql.update("""
                insert into campaign_reward (tenant_id, reward_id, referral_id, partner_id, type, amount, currency)
                values (?, ?, ?, ?, ?, cast(? as numeric), cast(? as char(3)))
                on conflict (tenant_id, reward_id) do nothing""", tenantId, rewardId, referralId, partnerId, type, amount, currency);
    }

    /** A variant as started; incentive fields null when it offers none. */
    public record VariantRow(
            String key,
            int position,
            String name,
            int weight,
            String incentiveType,
            BigDecimal incentiveAmount,
            String incentiveCurrency,
            String incentiveDescription,
            String incentiveEarnedOn) {}

    /** A started campaign with its totals (asked: distinct partners; referrals and conversions: attributed). */
    public record CampaignRow(
            UUID campaignId,
            String name,
            String goal,
            String trigger,
            Instant startsAt,
            Instant endsAt,
            Instant startedAt,
            Instant endedAt,
            int variants,
            long asked,
            long referrals,
            long conversions,
            java.math.BigDecimal differenceWorthKnowing) {}

    /** Per variant, the counts of its results. */
    public record VariantCounts(
            String key,
            long asked,
            long partnersReferring,
            long referrals,
            long referralsByLink,
            long referralsByOtherChannel,
            long conversions) {}

    /** A sum of money of a variant in one currency. */
    public record VariantAmount(String key, String currency, BigDecimal amount) {}

    private static final String CAMPAIGN_COLUMNS = """
            c.campaign_id, c.name, c.goal, c.trigger_kind, c.starts_at, c.ends_at, c.started_at, c.ended_at,
            (select count(*) from campaign_variant v where v.tenant_id = c.tenant_id and v.campaign_id = c.campaign_id),
            (select count(distinct (a.variant_key, a.partner_id)) from campaign_ask a
                where a.tenant_id = c.tenant_id and a.campaign_id = c.campaign_id),
            (select count(*) from campaign_referral r where r.tenant_id = c.tenant_id and r.campaign_id = c.campaign_id),
            (select count(*) from campaign_referral r join metrics_referral m
                on m.tenant_id = r.tenant_id and m.referral_id = r.referral_id
                where r.tenant_id = c.tenant_id and r.campaign_id = c.campaign_id and m.converted_at is not null),
            c.difference_worth_knowing
            """;

    /** The practice's started campaigns, newest start first. */
    public List<CampaignRow> campaigns(String tenantId) {
        return sql.query(
                "select " + CAMPAIGN_COLUMNS + " from campaign c where c.tenant_id = ? and c.started_at is not null"
                        + " order by c.starts_at desc, c.campaign_id",
                CampaignRepository::campaignRow,
                tenantId);
    }

    public Optional<CampaignRow> campaign(String tenantId, UUID campaignId) {
        return sql
                .query(
                        "select " + CAMPAIGN_COLUMNS + " from campaign c where c.tenant_id = ? and c.campaign_id = ?"
                                + " and c.started_at is not null",
                        CampaignRepository::campaignRow,
                        tenantId,
                        campaignId)
                .stream()
                .findFirst();
    }

    public List<VariantRow> variants(String tenantId, UUID campaignId) {
        return sql.query(
                """
                select variant_key, position, name, weight, incentive_type, incentive_amount, incentive_currency,
                    incentive_description, incentive_earned_on
                from campaign_variant where tenant_id = ? and campaign_id = ? order by position""",
                row -> new VariantRow(
                        row.getString(1),
                        row.getInt(2),
                        row.getString(3),
                        row.getInt(4),
                        row.getString(5),
                        row.getBigDecimal(6),
                        row.getString(7) == null ? null : row.getString(7).strip(),
                        row.getString(8),
                        row.getString(9)),
                tenantId,
                campaignId);
    }

    /**
     * Per variant: partners asked (distinct partners with a sent ask); partners referring (distinct asked partners with
     * an attributed referral in the variant); referrals attributed, by link and by other channel; conversions (those
     * whose referral fact says converted).
     */
    public List<VariantCounts> counts(String tenantId, UUID campaignId) {
        return sql.query(
                """
                select v.variant_key,
                    (select count(distinct a.partner_id) from campaign_ask a where a.tenant_id = v.tenant_id
                        and a.campaign_id = v.campaign_id and a.variant_key = v.variant_key),
                    (select count(distinct r.partner_id) from campaign_referral r where r.tenant_id = v.tenant_id
                        and r.campaign_id = v.campaign_id and r.variant_key = v.variant_key
                        and exists (select 1 from campaign_ask a where a.tenant_id = r.tenant_id
                            and a.campaign_id = r.campaign_id and a.variant_key = r.variant_key
                            and a.partner_id = r.partner_id)),
                    count(r.referral_id),
                    count(r.referral_id) filter (where r.via = 'CAMPAIGN_LINK'),
                    count(r.referral_id) filter (where r.via = 'OTHER_CHANNEL'),
                    count(r.referral_id) filter (where m.converted_at is not null)
                from campaign_variant v
                left join campaign_referral r on r.tenant_id = v.tenant_id and r.campaign_id = v.campaign_id
                    and r.variant_key = v.variant_key
                left join metrics_referral m on m.tenant_id = r.tenant_id and m.referral_id = r.referral_id
                where v.tenant_id = ? and v.campaign_id = ?
                group by v.tenant_id, v.campaign_id, v.variant_key, v.position
                order by v.position""",
                row -> new VariantCounts(
                        row.getString(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getLong(7)),
                tenantId,
                campaignId);
    }

    /** Program value of the attributed referrals that converted, per variant and currency. */
    public List<VariantAmount> revenue(String tenantId, UUID campaignId) {
        return sql.query("""
                select r.variant_key, m.program_currency, sum(m.program_amount)
                from campaign_referral r join metrics_referral m
                    on m.tenant_id = r.tenant_id and m.referral_id = r.referral_id
                where r.tenant_id = ? and r.campaign_id = ? and m.converted_at is not null
                    and m.program_amount is not null
                group by r.variant_key, m.program_currency""", CampaignRepository::amount, tenantId, campaignId);
    }

    /**
     * The incentive paid out, per variant and currency: for each attributed referral with a reward earned by the
     * attributed partner of the variant's incentive type, that reward's amount, one reward per referral (the
     * incentive is earned once per referral; another reward of the same type, from an agreement, is not the
     * campaign's).
     */
    public List<VariantAmount> incentiveCost(String tenantId, UUID campaignId) {
        return sql.query("""
                select variant_key, currency, sum(amount) from (
                    select distinct on (r.referral_id) r.variant_key, w.currency, w.amount
                    from campaign_referral r
                    join campaign_variant v on v.tenant_id = r.tenant_id and v.campaign_id = r.campaign_id
                        and v.variant_key = r.variant_key
                    join campaign_reward w on w.tenant_id = r.tenant_id and w.referral_id = r.referral_id
                        and w.partner_id = r.partner_id and w.type = v.incentive_type
                    where r.tenant_id = ? and r.campaign_id = ? and w.amount is not null
                    order by r.referral_id, (w.amount = v.incentive_amount and w.currency = v.incentive_currency) desc,
                        w.reward_id
                ) matched
                group by variant_key, currency""", CampaignRepository::amount, tenantId, campaignId);
    }

    private static VariantAmount amount(ResultSet row) throws SQLException {
        String currency = row.getString(2);
        return new VariantAmount(row.getString(1), currency == null ? null : currency.strip(), row.getBigDecimal(3));
    }

    private static CampaignRow campaignRow(ResultSet row) throws SQLException {
        return new CampaignRow(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                instant(row, 5),
                instant(row, 6),
                instant(row, 7),
                instant(row, 8),
                row.getInt(9),
                row.getLong(10),
                row.getLong(11),
                row.getLong(12),
                row.getBigDecimal(13));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
