package org.careclock.audit;

import org.careclock.base.Actor;
import org.careclock.security.SignInEvent;
import org.careclock.session.SessionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The append-only record of what happened: to calls, every deadline set or moved (who, when,
 * old and new deadline) and every end with its reason, as the session service publishes them;
 * at the sign-in form, every sign-in, failure, lock and unlock, with the client's address (a
 * name that is no account is not recorded: people type passwords into the wrong field).
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
    public void on(SessionEvent.TimeAsked e) {
        audit.save(new AuditEvent(e.at(), e.cid(), e.userId(), "time-asked", null, null, null));
    }

    @EventListener
    @Transactional
    public void on(SessionEvent.TimeAnswered e) {
        audit.save(new AuditEvent(e.at(), e.cid(), e.actor(), e.granted() ? "time-granted" : "time-declined", null,
                null, "for " + e.userId() + (e.granted() ? ", " + e.seconds() + " s" : "")));
    }

    @EventListener
    @Transactional
    public void on(SessionEvent.CallEnded e) {
        audit.save(new AuditEvent(e.at(), e.cid(), e.actor(), "ended", null, null, e.reason().name()));
    }

    @EventListener
    @Transactional
    public void on(SignInEvent e) {
        audit.save(switch (e) {
            case SignInEvent.SignedIn s -> new AuditEvent(s.at(), null, s.userId(), "signed-in", null, null,
                    from(s.address()));
            case SignInEvent.SignInFailed f -> new AuditEvent(f.at(), null, f.userId(),
                    f.whileLocked() ? "sign-in-refused" : "sign-in-failed", null, null,
                    (f.userId() == null ? "no such account, " : "") + from(f.address()));
            case SignInEvent.AccountLocked l -> new AuditEvent(l.at(), null, l.userId(), "account-locked", null,
                    l.until(), (l.userId() == null ? "no such account, " : "") + from(l.address()));
            case SignInEvent.AddressThrottled t -> new AuditEvent(t.at(), null, null, "address-throttled", null, null,
                    from(t.address()));
            case SignInEvent.AccountUnlocked u -> new AuditEvent(u.at(), null, u.by(), "account-unlocked", null, null,
                    "account " + u.userId());
        });
    }

    private static String from(String address) {
        return "from " + address;
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
