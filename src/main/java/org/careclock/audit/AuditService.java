package org.careclock.audit;

import org.careclock.base.Actor;
import org.careclock.session.SessionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The append-only record of what happened to calls: every deadline set or moved (who, when,
 * old and new deadline) and every end with its reason. Written as the session service publishes.
 */
@Service
public class AuditService {

    private static final String ADMINS_ONLY = "Only administrators may read the audit log";

    private final AuditRepository audit;

    AuditService(AuditRepository audit) {
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void on(SessionEvent.DeadlineChanged e) {
        audit.save(new AuditEvent(e.at(), e.cid(), e.actor(), "deadline-" + e.action(), e.oldEndsAt(), e.newEndsAt(),
                "max duration " + e.maxDurationSeconds() + " s"));
    }

    /** Who started the appointment, and how long each member waited for it. */
    @EventListener
    @Transactional
    public void on(SessionEvent.WentLive e) {
        String waited = e.admitted().isEmpty() ? "nobody was waiting" : e.admitted().stream()
                .map(w -> w.userId() + " waited " + java.time.Duration.between(w.since(), e.at()).toSeconds() + " s")
                .collect(java.util.stream.Collectors.joining(", "));
        audit.save(new AuditEvent(e.at(), e.cid(), e.actor(), "started", null, null,
                waited.length() > 400 ? waited.substring(0, 399) + "…" : waited));
    }

    @EventListener
    @Transactional
    public void on(SessionEvent.CallEnded e) {
        audit.save(new AuditEvent(e.at(), e.cid(), e.actor(), "ended", null, null, e.reason().name()));
    }

    /** The newest entries first, for administrators. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(Actor actor, int limit) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        return audit.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1000))))
                .stream().map(AuditEvent::toEntry).toList();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofCall(Actor actor, String cid) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        return audit.findByCidOrderByIdAsc(cid).stream().map(AuditEvent::toEntry).toList();
    }

}
