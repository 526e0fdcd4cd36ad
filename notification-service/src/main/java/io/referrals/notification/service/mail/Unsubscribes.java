package io.referrals.notification.service.mail;

import io.referrals.notification.entity.Notification;
import io.referrals.notification.entity.NotificationRepository;
import io.referrals.notification.entity.NotificationStatus;
import io.referrals.notification.entity.PartnerContact;
import io.referrals.notification.entity.PartnerContactRepository;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.service.NotificationConfig;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.Problem;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe (RFC 8058). Every message to a partner carries a link with a token naming the practice and
 * the partner, signed with HMAC-SHA256 under a secret from the configuration, so that nobody can unsubscribe someone
 * else. An unsubscribed partner gets no further email from that practice: what is still unsent to them is suppressed
 * and a task asks the practice to say it in person.
 */
@ApplicationScoped
public class Unsubscribes {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    NotificationConfig config;

    @Inject
    PartnerContactRepository partners;

    @Inject
    NotificationRepository notifications;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /** Who a valid token names. */
    public record Recipient(String tenantId, UUID partnerId, String practiceName) {}

    public String token(String tenantId, UUID partnerId) {
        String payload = ENCODER.encodeToString((tenantId + "\n" + partnerId).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The header value: the HTTPS link first, then the mailbox when one is configured. */
    public String listUnsubscribe(String token) {
        String link = "<" + link(token) + ">";
        return config.unsubscribe()
                .mailto()
                .map(mailbox -> link + ", <mailto:" + mailbox + "?subject=unsubscribe%20" + token + ">")
                .orElse(link);
    }

    public String link(String token) {
        return config.unsubscribe().publicBaseUrl().replaceAll("/+$", "") + "/api/unsubscribe/" + token;
    }

    /** Checks the token's signature; an invalid one is a 404, as if no such link existed. */
    public Recipient verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(sign(payload), signature) || parts.length != 2) {
            throw invalid();
        }
        UUID partnerId;
        try {
            partnerId = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String practiceName = settings.of(parts[0], clock.instant()).practiceName;
        return new Recipient(parts[0], partnerId, practiceName);
    }

    /** Unsubscribes the partner the token names from the practice's email; repeating it changes nothing. */
    @Transactional
    public Recipient unsubscribe(String token) {
        Recipient recipient = verify(token);
        Instant now = Timestamps.now(clock);
        PartnerContact partner = partners.lockOrCreate(recipient.tenantId(), recipient.partnerId(), now);
        if (partner.unsubscribedAt == null) {
            partner.unsubscribedAt = now;
            partner.updatedAt = now;
        }
        for (Notification message : notifications.unsentTo(recipient.tenantId(), recipient.partnerId())) {
            message.end(NotificationStatus.SUPPRESSED, "The partner unsubscribed from email", now);
            messages.notEmailed(message, message.lastError);
        }
        return recipient;
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.unsubscribe().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(Problem.of(
                404,
                "not-found",
                "Unsubscribe link not found",
                "The link is not valid; copy it whole from the email."));
    }
}
