package org.careclock.session;

import org.careclock.base.InvalidInputException;
import org.careclock.call.CallSessionStore;
import org.careclock.calltype.CallTypeSettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * The deadline and its alerts: plans the end and each threshold of the current deadline, and
 * moves the deadline (extension, absolute duration) persisted first, then published.
 */
@Component
class DeadlinePlanner {

    private final CallSessionStore store;
    private final SessionEvents events;
    private final TimerScheduler scheduler;
    private final Clock clock;
    private final Backstop backstop;

    DeadlinePlanner(CallSessionStore store, SessionEvents events, TimerScheduler scheduler, Clock clock,
                    Backstop backstop) {
        this.backstop = backstop;
        this.store = store;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Plans the end and every threshold of the current deadline, replacing the old plan.
     * Thresholds still ahead are planned; of those already passed only the most urgent is
     * raised, once, and only when the deadline moved ({@code announcePassed}). Caller holds the lock.
     */
    void plan(CallRuntime rt, Instant now, boolean announcePassed) {
        rt.unplan("deadline");
        rt.unplanAlerts();
        Instant endsAt = rt.endsAt;
        if (endsAt == null) {
            return;
        }
        rt.plan(new Due.DeadlineDue(rt.cid, rt.startedAt, endsAt), scheduler);
        for (int threshold : TimerRules.thresholdsAhead(rt.type.alertThresholdsSeconds(), endsAt, now)) {
            rt.plan(new Due.AlertDue(rt.cid, rt.startedAt, endsAt, threshold), scheduler);
        }
        Integer passed = TimerRules.mostUrgentPassed(rt.type.alertThresholdsSeconds(), endsAt, now);
        if (announcePassed && passed != null) {
            events.publish(new SessionEvent.AlertRaised(rt.cid, passed, endsAt));
        }
    }

    /** A planned threshold is reached. Caller holds the lock. */
    void alert(Due.AlertDue due) {
        events.publish(new SessionEvent.AlertRaised(due.cid(), due.thresholdSeconds(), due.endsAt()));
    }

    /**
     * Persists a new budget computed from the current one under the row lock (refusing one
     * beyond the limit or ending at or before now), then re-plans and publishes. Caller holds the lock.
     */
    void changeMax(CallRuntime rt, IntUnaryOperator newMax, String actor, String action) {
        Instant now = clock.instant();
        int limit = CallTypeSettings.MAX_SECONDS + rt.type.maxDurationSeconds();
        CallSessionStore.Change change = store.changeMax(rt.cid, current -> {
            int next = newMax.applyAsInt(current);
            if (next > limit) {
                throw new InvalidInputException("max_duration_seconds", "The call may last at most " + limit
                        + " seconds in all");
            }
            if (!TimerRules.endsAfter(rt.startedAt, next, now)) {
                throw new InvalidInputException("max_duration_seconds",
                        "That duration would end the call at or before now; choose more than "
                                + Duration.between(rt.startedAt, now).toSeconds() + " seconds");
            }
            return next;
        });
        Instant old = rt.endsAt;
        rt.endsAt = change.after().timerEndsAt();
        rt.maxDurationSeconds = change.after().maxDurationSeconds();
        backstop.deadline(rt.cid, rt.endsAt);
        events.publish(new SessionEvent.DeadlineChanged(rt.cid, old, rt.endsAt, rt.maxDurationSeconds, actor, now, action));
        plan(rt, now, true);
    }
}
