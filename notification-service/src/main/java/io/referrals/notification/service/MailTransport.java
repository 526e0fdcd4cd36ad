package io.referrals.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every email of this service goes out here: over the mailer's pooled, kept-alive SMTP connections
 * ({@code quarkus.mailer.max-pool-size}, 10), each send started on one Vert.x event-loop context of its own.
 *
 * <p>Why one context: vertx-mail-client 4.5 keeps its connection pool in an endpoint that disposes of itself, on the
 * event loop, when its last connection closes or its last connect fails, and a send started meanwhile from another
 * thread is handed the disposed endpoint, which takes the request and never answers it (the pool ignores the
 * endpoint's "disposed" answer). The send then hangs until the caller's timeout ({@code quarkus.mailer.timeout}): a
 * candidate cause of the 5 s {@code TimeoutException} tests saw now and then right after the SMTP server was stopped
 * (its connections closed) and started again, possible whenever mail is sent from more than one thread. Started on
 * the one event-loop thread that also runs the pool's closes and failed connects, a send always finds a live endpoint
 * or makes a new one. (The client has a second way of never answering, which this does not cover: an error on a new
 * connection before the server's greeting is dropped; the timeout ends such a send.)
 */
@ApplicationScoped
public class MailTransport {
    @Inject
    Vertx vertx;

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotificationConfig config;

    private Context context;

    @PostConstruct
    void start() {
        context = ((VertxInternal) vertx).createEventLoopContext();
    }

    /**
     * Starts sending: completes when the server accepted the message, or exceptionally with why not (the server's
     * answer, a connection failure, or a {@link TimeoutException} after {@code notifications.mail.send-timeout}).
     */
    public CompletableFuture<Void> send(Mail mail) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                mailer.send(mail).subscribe().with(sent -> done.complete(null), done::completeExceptionally);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.orTimeout(config.mail().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends and waits for the server's answer; throws what stopped it. */
    public void sendAndWait(Mail mail) {
        try {
            send(mail).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
