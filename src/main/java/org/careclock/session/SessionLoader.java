package org.careclock.session;

import org.careclock.base.Actor;
import org.careclock.base.RefusedException;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.SessionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fills a new runtime from the database: starts the session when none runs (the first join,
 * or a fresh one after the end for roles that may), or takes over a running one — after a
 * restart, ending at once a session whose deadline or empty timeout passed meanwhile.
 */
@Component
class SessionLoader {

    private static final Logger log = LoggerFactory.getLogger(SessionLoader.class);

    private final CallSessionStore store;
    private final SessionEvents events;
    private final Runtimes runtimes;
    private final DeadlinePlanner deadlines;
    private final Presence presence;
    private final Ending ending;
    private final Clock clock;
    private final SharedAttendance shared;
    private final SessionProperties properties;
    private final Backstop backstop;

    SessionLoader(CallSessionStore store, SessionEvents events, Runtimes runtimes, DeadlinePlanner deadlines,
                  Presence presence, Ending ending, Clock clock, SharedAttendance shared, SessionProperties properties,
                  Backstop backstop) {
        this.shared = shared;
        this.properties = properties;
        this.backstop = backstop;
        this.store = store;
        this.events = events;
        this.runtimes = runtimes;
        this.deadlines = deadlines;
        this.presence = presence;
        this.ending = ending;
        this.clock = clock;
    }

    /** A loader that starts a session if none runs; {@code override} and {@code actor} may be null. */
    Consumer<CallRuntime> starting(boolean mayRestart, Integer override, Actor actor) {
        return rt -> load(rt, true, mayRestart, override, actor);
    }

    /** A loader that only takes over a running session (refused when none runs). */
    Consumer<CallRuntime> takingOver() {
        return rt -> load(rt, false, false, null, null);
    }

    /** After a restart: overdue sessions end at once with their reason, the others are planned again. */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        for (SessionRecord record : store.running()) {
            takeOver(record.cid());
        }
    }

    /**
     * Runs the session of {@code cid} on this node, if it still runs: it ends at once when its
     * deadline or empty timeout passed, else this node plans it (several nodes: its node is gone).
     */
    void takeOver(String cid) {
        try {
            runtimes.locked(cid, takingOver(), rt -> {
                presence.recovered(rt);
                return null;
            });
        } catch (RefusedException notRunning) {
            log.debug("Nothing to take over for {}: {}", cid, notRunning.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not take over the session of {}", cid, e);
        }
    }

    /** Several nodes: takes over the running sessions that no node serves (no page with a recent heartbeat). */
    void takeOverUnserved() {
        Set<String> served = shared.attendedCalls(clock.instant().minus(properties.presenceTimeout()));
        for (SessionRecord record : store.running()) {
            if (!served.contains(record.cid()) && runtimes.find(record.cid()).isEmpty()) {
                log.info("Taking over {}: no node serves a page of it", record.cid());
                takeOver(record.cid());
            }
        }
    }

    private void load(CallRuntime rt, boolean start, boolean mayRestart, Integer override, Actor actor) {
        SessionRecord before = store.get(rt.cid);
        if (!before.running() && !start) {
            throw new RefusedException("This appointment is not in progress");
        }
        if (before.state() == CallState.ENDED && !mayRestart) {
            throw new RefusedException("This appointment has ended and cannot be joined again");
        }
        Instant now = clock.instant();
        SessionRecord record = before.running() ? before : store.startIfNotRunning(rt.cid, now, override, mayRestart);
        rt.startedAt = record.startedAt();
        rt.type = store.typeOf(rt.cid);
        rt.endsAt = record.timerEndsAt();
        rt.maxDurationSeconds = record.maxDurationSeconds();
        rt.phase = CallRuntime.Phase.RUNNING;
        rt.startedNow = !before.running();
        if (!before.running()) {
            events.publish(new SessionEvent.DeadlineChanged(rt.cid, null, rt.endsAt, rt.maxDurationSeconds,
                    actor == null ? null : actor.label(), now, "started"));
        } else {
            rt.emptySince = record.emptySince();
            if (rt.endsAt != null && !rt.endsAt.isAfter(now)) {
                ending.end(rt, EndReason.TIMER_EXPIRED, null);
                return;
            }
            if (rt.emptySince != null && !rt.emptySince.plusSeconds(rt.type.emptyTimeoutSeconds()).isAfter(now)) {
                ending.end(rt, EndReason.EMPTY_TIMEOUT, null);
                return;
            }
        }
        deadlines.plan(rt, now, false);
        backstop.deadline(rt.cid, rt.endsAt);
        presence.mirror(rt, false);
    }
}
