package org.careclock.audit;

import java.time.Instant;

/** One line of a call's history: who did what when, and the deadline before and after. */
public record AuditEntry(long id, Instant at, String cid, String actor, String action, Instant oldEndsAt,
                         Instant newEndsAt, String detail) {
}
