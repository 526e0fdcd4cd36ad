package io.referrals.notification.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Which tasks to list; every criterion optional. {@code overdue} narrows to open tasks due before now.
 *
 * @param status open, done or closed
 */
public record TaskQuery(TaskStatus status, boolean overdue, TaskKind kind, Instant dueBefore, UUID partnerId) {}
