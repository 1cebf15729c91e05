package org.careclock.session;

import org.careclock.call.CallSessionStore;
import org.careclock.call.EndReason;
import org.careclock.call.SessionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The one way a session ends: a guarded change of the row ({@code IN_PROGRESS → ENDED} for
 * the session that started at the runtime's instant), then the runtime's plan withdrawn and
 * the end published. Whatever races (timer, idle, a user), one caller changes the row.
 */
@Component
class Ending {

    private static final Logger log = LoggerFactory.getLogger(Ending.class);

    private final CallSessionStore store;
    private final SessionEvents events;
    private final Runtimes runtimes;
    private final Clock clock;
    private final Backstop backstop;

    Ending(CallSessionStore store, SessionEvents events, Runtimes runtimes, Clock clock, Backstop backstop) {
        this.backstop = backstop;
        this.store = store;
        this.events = events;
        this.runtimes = runtimes;
        this.clock = clock;
    }

    /** Ends the runtime's session with {@code reason}; does nothing when it has ended. Caller holds the lock. */
    void end(CallRuntime rt, EndReason reason, String actor) {
        if (rt.phase == CallRuntime.Phase.ENDED) {
            return;
        }
        Instant now = clock.instant();
        boolean mine = store.end(rt.cid, rt.startedAt, reason, now);
        rt.phase = CallRuntime.Phase.ENDED;
        rt.unplanAll();
        runtimes.remove(rt);
        if (mine) {
            backstop.ended(rt.cid);
            events.publish(new SessionEvent.CallEnded(rt.cid, reason, now, actor));
            return;
        }
        SessionRecord record = store.get(rt.cid);
        if (record.running() && rt.startedAt.equals(record.startedAt())) {
            log.error("The end of {} ({}) matched no row although its session still runs; the database and "
                    + "this node disagree about the session's start", rt.cid, reason);
        }
        // Another node (or request) ended it first and published the end, audited once, there;
        // this node's pages hear it now in case that notification is still on its way.
        events.deliverHere(new SessionEvent.CallEnded(rt.cid, record.endReason() != null ? record.endReason() : reason,
                record.endedAt() != null ? record.endedAt() : now, actor));
    }

    /**
     * The session of {@code rt} ended elsewhere (another node, or a later session replaced it):
     * forget the runtime and its plan without touching the row. Caller holds the lock.
     */
    void endedElsewhere(CallRuntime rt) {
        if (rt.phase == CallRuntime.Phase.ENDED) {
            return;
        }
        rt.phase = CallRuntime.Phase.ENDED;
        rt.unplanAll();
        runtimes.remove(rt);
    }
}
