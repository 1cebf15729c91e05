package org.careclock.audit;

import java.time.Instant;

/**
 * One line of the audit log: who did what when; for a call, its id and the deadline before and
 * after; for a sign-in, no call ({@code cid} null) and the account as {@code actor}.
 */
public record AuditEntry(long id, Instant at, String cid, String actor, String action, Instant oldEndsAt,
                         Instant newEndsAt, String detail) {
}
