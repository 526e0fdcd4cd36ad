package io.referrals.notification.service.task;

import io.referrals.notification.entity.Task;
import io.referrals.notification.entity.TaskKind;
import io.referrals.notification.entity.TaskQuery;
import io.referrals.notification.entity.TaskRepository;
import io.referrals.notification.entity.TaskStatus;
import io.referrals.notification.service.batch.BatchRows;
import io.referrals.platform.page.Page;
import io.referrals.platform.page.Paging;
import io.referrals.platform.persistence.Timestamps;
import io.referrals.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The practice's tasks. Events open them (once per kind and key, whatever is redelivered) and close them; the
 * practice marks them done or snoozes them.
 */
@ApplicationScoped
public class TaskService {
    @Inject
    TaskRepository tasks;

    @Inject
    BatchRows batch;

    @Inject
    Clock clock;

    /** What opens a task: its kind and key (unique together), what it is about, its title and due date. */
    public record Opening(
            TaskKind kind,
            String key,
            UUID partnerId,
            UUID referralId,
            UUID notificationId,
            String title,
            Instant due) {}

    /** Opens the task unless one of that kind and key was ever opened; returns whether it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(String tenantId, Opening opening) {
        Boolean loaded = batch.taskExists(tenantId, opening.kind(), opening.key());
        if (loaded != null ? loaded : tasks.exists(tenantId, opening.kind(), opening.key())) {
            return false;
        }
        openNew(tenantId, opening);
        return true;
    }

    /**
     * Opens a task whose key was made in this transaction (a message written now: its id), so that no task can have
     * it yet: nothing to look up first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openNew(String tenantId, Opening opening) {
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.tenantId = tenantId;
        task.kind = opening.kind();
        task.status = TaskStatus.OPEN;
        task.dedupeKey = opening.key();
        task.partnerId = opening.partnerId();
        task.referralId = opening.referralId();
        task.notificationId = opening.notificationId();
        task.title = opening.title().length() > 300 ? opening.title().substring(0, 300) : opening.title();
        task.dueAt = Timestamps.stored(opening.due());
        task.createdAt = Timestamps.now(clock);
        tasks.persist(task);
        batch.taskOpened(tenantId, task.kind, task.dedupeKey);
    }

    /** Closes the open task of that kind and key, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String tenantId, TaskKind kind, String key, String reason) {
        tasks.findOpen(tenantId, kind, key)
                .ifPresent(task -> task.close(TaskStatus.CLOSED, reason, Timestamps.now(clock)));
    }

    /** A task's practice and key. */
    public record Ref(String tenantId, String key) {}

    /** Closes the open tasks of that kind with these keys, in one query for all of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeAll(TaskKind kind, Collection<Ref> refs, String reason) {
        Set<Ref> wanted = new HashSet<>(refs);
        Instant now = Timestamps.now(clock);
        for (Task task : tasks.findOpen(kind, wanted.stream().map(Ref::key).toList())) {
            if (wanted.contains(new Ref(task.tenantId, task.dedupeKey))) {
                task.close(TaskStatus.CLOSED, reason, now);
            }
        }
    }

    /** Closes every open task of that kind about a partner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeForPartner(String tenantId, TaskKind kind, UUID partnerId, String reason) {
        Instant now = Timestamps.now(clock);
        tasks.openForPartner(tenantId, kind, partnerId).forEach(task -> task.close(TaskStatus.CLOSED, reason, now));
    }

    /** Closes every open task of that kind about a referral. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeForReferral(String tenantId, TaskKind kind, UUID referralId, String reason) {
        Instant now = Timestamps.now(clock);
        tasks.openForReferral(tenantId, kind, referralId).forEach(task -> task.close(TaskStatus.CLOSED, reason, now));
    }

    public Page<Task> list(String tenantId, TaskQuery query, Paging paging) {
        return tasks.list(tenantId, query, clock.instant(), paging);
    }

    @Transactional
    public Task done(String tenantId, UUID id) {
        Task task = lockOpen(tenantId, id);
        task.close(TaskStatus.DONE, "done", Timestamps.now(clock));
        return task;
    }

    /** Moves an open task's due date to {@code until}, which must be in the future. */
    @Transactional
    public Task snooze(String tenantId, UUID id, TaskCommands.Snooze command) {
        Task task = lockOpen(tenantId, id);
        Instant until = Timestamps.stored(command.until());
        if (!until.isAfter(clock.instant())) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        task.dueAt = until;
        task.snoozedUntil = until;
        return task;
    }

    public Instant now() {
        return clock.instant();
    }

    private Task lockOpen(String tenantId, UUID id) {
        Task task = tasks.lockInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Task", id));
        if (!task.isOpen()) {
            throw ProblemException.conflict(
                    "task-not-open",
                    "Task is not open",
                    "The task is " + task.status.json() + " already.",
                    Map.of("currentStatus", task.status.json()));
        }
        return task;
    }
}
