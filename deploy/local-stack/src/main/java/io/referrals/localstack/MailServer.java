package io.referrals.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An SMTP server for notification-service (GreenMail, in the launcher's JVM) that accepts every message and keeps
 * each one as an {@code .eml} file in the data directory's {@code mail/}, numbered in the order it arrived, so that
 * a developer opens what the practice's partners would have received. Files from earlier runs stay.
 */
final class MailServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final Path directory;
    private final Thread saver;
    private volatile boolean running = true;
    private int saved;

    private MailServer(GreenMail greenMail, Path directory) {
        this.greenMail = greenMail;
        this.directory = directory;
        this.saver = new Thread(this::saveLoop, "mail-saver");
        this.saver.setDaemon(true);
    }

    static MailServer start(int port, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        MailServer server = new MailServer(greenMail, directory);
        server.saver.start();
        return server;
    }

    Path directory() {
        return directory;
    }

    /** The saved messages, oldest first. */
    List<Path> savedMessages() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void saveLoop() {
        while (running) {
            saveNew();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void saveNew() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (; saved < received.length; saved++) {
            String name = String.format("%d-%04d.eml", System.currentTimeMillis(), saved + 1);
            try (OutputStream out = Files.newOutputStream(directory.resolve(name + ".part"))) {
                received[saved].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("Could not save a received message: " + e);
                continue;
            }
            try {
                // Appears whole or not at all, for anyone watching the directory.
                Files.move(directory.resolve(name + ".part"), directory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        saver.interrupt();
        saveNew();
        greenMail.stop();
    }
}
