package io.referrals.notification.service.portal;

import io.quarkus.mailer.Mail;
import io.referrals.events.CloudEvent;
import io.referrals.events.partner.PortalSignInLinkIssued;
import io.referrals.notification.entity.PracticeSettings;
import io.referrals.notification.entity.PracticeSettingsRepository;
import io.referrals.notification.service.MailTransport;
import io.referrals.notification.service.NotificationConfig;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Mails a partner the portal sign-in link partner-service issued (an invitation, or a link they asked for), in the
 * inbox's transaction, so the event is recorded as done only once the SMTP server took the mail (a lost commit sends it
 * once more: the same link, still one use). A link that expired before it could be mailed is not sent. The link is a
 * credential: it is never stored here and never logged, nor is the address.
 */
@ApplicationScoped
public class PortalMail {
    private static final Logger LOG = Logger.getLogger(PortalMail.class);

    @Inject
    MailTransport transport;

    @Inject
    PracticeSettingsRepository settings;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSignInLinkIssued(CloudEvent event, PortalSignInLinkIssued link) {
        if (!clock.instant().isBefore(link.expiresAt())) {
            return;
        }
        PracticeSettings practice = settings.of(event.tenantid(), clock.instant());
        Mail mail = mail(link, practice);
        try {
            // Started on the transport's own event-loop context: the consumer's ordered worker context would otherwise
            // also be the one the mail client's answers are queued on, which waits for this very call.
            transport.send(mail).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while mailing a portal sign-in link");
        } catch (ExecutionException e) {
            refused(event, link, e.getCause());
        }
    }

    /**
     * A server that refused the address for good (5xx) gets no second try: the partner can ask for a new link, the
     * practice can send one. Anything else (timeouts, 4xx, no connection) is the mail server being away, which the
     * inbox waits out. The server's answer can name the address, so neither it nor the exception goes on.
     */
    private static void refused(CloudEvent event, PortalSignInLinkIssued link, Throwable cause) {
        for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof SMTPException smtp && smtp.isPermanent()) {
                LOG.warnf(
                        "Portal sign-in link %s (partner %s) refused by the mail server with %d; not retried",
                        event.id(), link.partnerId(), smtp.getReplyCode());
                return;
            }
        }
        throw new IllegalStateException(
                "Mailing a portal sign-in link failed (" + cause.getClass().getSimpleName() + ")",
                new TimeoutException("the mail server is away"));
    }

    Mail mail(PortalSignInLinkIssued link, PracticeSettings practice) {
        String practiceName = practice.practiceName == null || practice.practiceName.isBlank()
                ? null
                : practice.practiceName.replaceAll("[\"<>\\r\\n,;]", "");
        String until = until(link, practice);
        boolean invitation = link.purpose() == PortalSignInLinkIssued.Purpose.INVITATION;
        String portal =
                practiceName == null ? "the referral partner portal" : practiceName + "'s referral partner portal";
        String subject = invitation
                ? (practiceName == null
                        ? "You are invited to a referral partner portal"
                        : practiceName + " invites you to its referral partner portal")
                : "Your sign-in link for " + portal;
        StringBuilder body = new StringBuilder();
        body.append("Hello ").append(link.partnerName()).append(",\n\n");
        if (invitation) {
            body.append(
                            practiceName == null
                                    ? "You have been invited to a referral partner portal"
                                    : practiceName + " has invited you to its referral partner portal")
                    .append(", where you can see what became of the people you referred and refer someone new.\n\n")
                    .append("Sign in with this link. It works once, until ")
                    .append(until)
                    .append(":\n\n");
        } else {
            body.append("Here is your link to sign in to ")
                    .append(portal)
                    .append(". It works once, until ")
                    .append(until)
                    .append(":\n\n");
        }
        body.append(link.signInUrl()).append("\n\n");
        body.append("When it has expired, ask for a new one with this email address on the portal's sign-in page.\n");
        body.append(
                invitation
                        ? "If you did not expect this invitation, you can ignore this email.\n"
                        : "If you did not ask for it, you can ignore this email: nobody can sign in without the link.\n");
        Mail mail = Mail.withText(link.email(), subject, body.toString());
        mail.setFrom(
                practiceName == null
                        ? config.mail().from()
                        : "\"" + practiceName + "\" <" + config.mail().from() + ">");
        if (practice.replyTo != null) {
            mail.setReplyTo(practice.replyTo);
        }
        return mail;
    }

    /** When the link expires, in the practice's time zone: "15:42 (Europe/Berlin)". */
    private static String until(PortalSignInLinkIssued link, PracticeSettings practice) {
        ZoneId zone;
        try {
            zone = ZoneId.of(practice.timeZone == null ? "UTC" : practice.timeZone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone).format(link.expiresAt()) + " ("
                + zone.getId() + ")";
    }
}
