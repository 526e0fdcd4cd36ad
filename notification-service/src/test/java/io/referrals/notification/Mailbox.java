package io.referrals.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads what GreenMail received: by recipient, and the parts of a multipart/alternative message. */
final class Mailbox {
    private Mailbox() {}

    static List<MimeMessage> to(String address) {
        return GreenMailResource.received().stream()
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    static List<String> recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : java.util.Arrays.stream(to).map(a -> a.toString()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of that MIME type (text/plain or text/html) of a multipart/alternative message. */
    static String part(MimeMessage message, String mimeType) {
        try {
            Object content = message.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new AssertionError("Not multipart: " + message.getContentType());
            }
            return find(multipart, mimeType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Multipart multipart, String mimeType) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, mimeType);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    static String contentType(MimeMessage message) {
        try {
            return message.getContentType();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole message as it travelled. */
    static String raw(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
