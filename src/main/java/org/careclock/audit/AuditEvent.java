package org.careclock.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "cid")
    private String cid;

    @Column(name = "actor")
    private String actor;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "old_ends_at")
    private Instant oldEndsAt;

    @Column(name = "new_ends_at")
    private Instant newEndsAt;

    @Column(name = "detail")
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String cid, String actor, String action, Instant oldEndsAt, Instant newEndsAt, String detail) {
        this.at = at;
        this.cid = cid;
        this.actor = actor;
        this.action = action;
        this.oldEndsAt = oldEndsAt;
        this.newEndsAt = newEndsAt;
        this.detail = detail;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, at, cid, actor, action, oldEndsAt, newEndsAt, detail);
    }
}
