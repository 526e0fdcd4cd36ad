package io.referrals.metrics.service.campaign;

/** The plain-words verdict; {@code leader} is a variant key or null; {@code moreTrialsPerVariant} 0 when decided. */
public record Verdict(VerdictKind kind, String text, String leader, long moreTrialsPerVariant, double difference) {}
