package io.referrals.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.referrals.events.CloudEvent;
import io.referrals.events.EventCodec;
import io.referrals.events.EventTypes;
import io.referrals.events.Topics;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.testing.CapturedLog;
import io.referrals.testing.PlatformTestResource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A portal sign-in link partner-service issued arrives at the partner's inbox, and at no log. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(GreenMailResource.class)
class PortalSignInMailTest {
    private final Events events = new Events();

    private String send(PortalSignInLinkIssued.Purpose purpose, String email, String token, Instant expiresAt) {
        return send(UUID.randomUUID(), purpose, email, token, expiresAt);
    }

    private String send(
            UUID partnerId, PortalSignInLinkIssued.Purpose purpose, String email, String token, Instant expiresAt) {
        String url = "https://console.example/portal/sign-in#token=" + token;
        CloudEvent event = EventCodec.wrap(
                EventTypes.PORTAL_SIGN_IN_LINK_ISSUED,
                "/partner-service",
                events.tenant,
                partnerId.toString(),
                new PortalSignInLinkIssued(partnerId, email, "Dana Whitfield", url, expiresAt, purpose));
        Events.kafka().send(Topics.PORTAL_SIGN_IN, event);
        return url;
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof String text ? text : Mailbox.part(mail, "text/plain");
    }

    @Test
    void anInvitationAndASignInLinkArriveWithTheLinkAndNoLogNamesEither() throws Exception {
        events.settings();
        String invited = "dana." + UUID.randomUUID() + "@example.com";
        String asked = "dana." + UUID.randomUUID() + "@example.com";
        String invitationToken = "inv" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGh";
        String signInToken = "sgn" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGh";
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));

        try (CapturedLog log = CapturedLog.start()) {
            String invitationUrl = send(PortalSignInLinkIssued.Purpose.INVITATION, invited, invitationToken, expiresAt);
            String signInUrl = send(PortalSignInLinkIssued.Purpose.SIGN_IN, asked, signInToken, expiresAt);

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            Mailbox.to(invited).size() == 1 && Mailbox.to(asked).size() == 1);
            MimeMessage invitation = Mailbox.to(invited).get(0);
            assertEquals("Blake Coaching invites you to its referral partner portal", Mailbox.subject(invitation));
            assertTrue(Mailbox.header(invitation, "From").contains("Blake Coaching"));
            String invitationText = text(invitation);
            assertTrue(invitationText.contains("Hello Dana Whitfield,"), invitationText);
            assertTrue(invitationText.contains("has invited you"), invitationText);
            assertTrue(invitationText.contains(invitationUrl), invitationText);
            assertTrue(invitationText.contains("It works once, until "), invitationText);

            MimeMessage signIn = Mailbox.to(asked).get(0);
            assertEquals("Your sign-in link for Blake Coaching's referral partner portal", Mailbox.subject(signIn));
            String signInText = text(signIn);
            assertTrue(signInText.contains(signInUrl), signInText);
            assertTrue(signInText.contains("If you did not ask for it"), signInText);

            // Every line but the test's own SMTP server's (GreenMail logs each address it creates a mailbox for).
            List<String> lines = log.linesExceptFrom("com.icegreen");
            assertTrue(
                    log.lines().stream().anyMatch(line -> line.contains(invited)),
                    "the capture sees the test server's lines, so it would see the service's");
            for (String secret : List.of(invitationToken, signInToken, invited, asked)) {
                assertFalse(
                        lines.stream().anyMatch(line -> line.contains(secret)),
                        "a log line names a link or an address: " + lines);
            }
        }
    }

    @Test
    void aLinkThatExpiredBeforeItCouldBeMailedIsNotSent() {
        events.settings();
        String late = "late." + UUID.randomUUID() + "@example.com";
        String onTime = "ontime." + UUID.randomUUID() + "@example.com";
        UUID partnerId = UUID.randomUUID();
        send(
                partnerId,
                PortalSignInLinkIssued.Purpose.SIGN_IN,
                late,
                "old" + UUID.randomUUID(),
                Instant.now().minusSeconds(1));
        // One key, one partition, in order: the second link mailed proves the first was consumed, not still pending.
        send(
                partnerId,
                PortalSignInLinkIssued.Purpose.SIGN_IN,
                onTime,
                "new" + UUID.randomUUID(),
                Instant.now().plusSeconds(900));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(onTime).size() == 1);
        assertEquals(0, Mailbox.to(late).size());
    }
}
