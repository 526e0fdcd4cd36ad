package io.referrals.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the local SMTP server's .eml files: which message, and when its file was written. */
class MailArrivalsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheMessageIdFromTheHeadersAndTheArrivalFromTheFileTime() throws Exception {
        Path plain = write(
                "1-0001.eml",
                "From: a@b.example\r\nMessage-ID: <n1@notifications.referrals.local>\r\n"
                        + "Subject: Thank you\r\n\r\nMessage-ID: <in-the-body@x>\r\n");
        Path folded = write("1-0002.eml", "Subject: x\r\nMessage-Id:\r\n <n2@notifications.referrals.local>\r\n\r\n");
        Path none = write("1-0003.eml", "Subject: x\r\n\r\nMessage-ID: <only-in-the-body@x>\r\n");
        Files.setLastModifiedTime(plain, FileTime.from(Instant.parse("2026-12-07T10:00:00.123Z")));

        List<MailArrivals.Mail> mail = MailArrivals.read(List.of(plain, folded, none));

        assertEquals("<n1@notifications.referrals.local>", mail.get(0).messageId());
        assertEquals(
                Instant.parse("2026-12-07T10:00:00.123Z").toEpochMilli() * 1000,
                mail.get(0).epochMicros());
        assertEquals("<n2@notifications.referrals.local>", mail.get(1).messageId());
        assertNull(mail.get(2).messageId());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
