package org.careclock.session;

import org.careclock.call.CallSessionStore;
import org.careclock.call.SessionRecord;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Objects;

/**
 * Keeps this node's runtime of a call in step with what other nodes did to it. An event from
 * another node is applied to the local runtime before this node's pages hear it: a moved
 * deadline is read back from the database and re-planned (so this node never ends a call from
 * a stale deadline), an end elsewhere retires the local runtime without touching the row, and
 * a change of presence re-reads the other nodes' pages ({@link Presence#mirror}), and requests for
 * more time are kept in step ({@link TimeRequests}).
 * The database, not the event, is the truth: an event only says when to look.
 */
@Component
class Follower {

    private final Runtimes runtimes;
    private final CallSessionStore store;
    private final DeadlinePlanner deadlines;
    private final Presence presence;
    private final Ending ending;
    private final Clock clock;

    Follower(Runtimes runtimes, CallSessionStore store, DeadlinePlanner deadlines, Presence presence, Ending ending,
             Clock clock) {
        this.presence = presence;
        this.runtimes = runtimes;
        this.store = store;
        this.deadlines = deadlines;
        this.ending = ending;
        this.clock = clock;
    }

    /** Applies another node's event to this node's runtime of the call, if it runs one. */
    void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.DeadlineChanged _, SessionEvent.CallEnded _ -> runtimes.ifPresent(event.cid(), rt -> {
                reread(rt);
                return null;
            });
            case SessionEvent.PresenceChanged _, SessionEvent.PeersChanged _ -> runtimes.ifPresent(event.cid(), rt -> {
                presence.mirror(rt, false);
                return null;
            });
            case SessionEvent.TimeAsked asked -> runtimes.ifPresent(asked.cid(), rt -> rt.timeRequests.put(
                    asked.userId(), new TimeRequests.Request(asked.userId(), asked.displayName(), asked.at())));
            case SessionEvent.TimeAnswered answered -> runtimes.ifPresent(answered.cid(),
                    rt -> rt.timeRequests.remove(answered.userId()));
            default -> {
            }
        }
    }

    /** Reads the session back: the same session takes its deadline; any other state retires the runtime. */
    private void reread(CallRuntime rt) {
        if (!rt.running()) {
            return;
        }
        SessionRecord record = store.get(rt.cid);
        if (!record.running() || !rt.startedAt.equals(record.startedAt())) {
            ending.endedElsewhere(rt);
            return;
        }
        boolean moved = !Objects.equals(rt.endsAt, record.timerEndsAt());
        rt.endsAt = record.timerEndsAt();
        rt.maxDurationSeconds = record.maxDurationSeconds();
        if (moved) {
            deadlines.plan(rt, clock.instant(), true);
        }
    }
}
