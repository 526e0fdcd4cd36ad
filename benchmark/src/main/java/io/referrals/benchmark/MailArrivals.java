package io.referrals.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The mail the local SMTP server received, as the launcher keeps it: one {@code .eml} file per message, written (by a
 * thread that looks every 200 ms) as it arrives. A message's arrival is its file's modification time, so it is known
 * to within those 200 ms; which message it is, its {@code Message-ID}.
 */
final class MailArrivals {
    /** One message: its Message-ID (null if it had none) and when its file was written (epoch microseconds). */
    record Mail(String messageId, long epochMicros) {}

    private MailArrivals() {}

    static List<Mail> read(List<Path> files) {
        List<Mail> mail = new ArrayList<>();
        for (Path file : files) {
            try {
                long written = Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS);
                mail.add(new Mail(messageId(file).orElse(null), written));
            } catch (IOException e) {
                // Listed, then gone: not ours to keep (the data directory was wiped at start).
            }
        }
        return mail;
    }

    /** The {@code Message-ID} header, read from the header section only (unfolded if it continues on a new line). */
    static Optional<String> messageId(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                    String value = line.substring("message-id:".length()).trim();
                    if (value.isEmpty()) {
                        String next = in.readLine();
                        value = next == null ? "" : next.trim();
                    }
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
