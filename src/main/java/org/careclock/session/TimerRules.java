package org.careclock.session;

import java.time.Instant;
import java.util.List;

/** Pure rules of the timer, kept apart so they can be tested without any clock or scheduler. */
public final class TimerRules {

    private TimerRules() {
    }

    /**
     * The most urgent threshold (the smallest) whose instant {@code endsAt - threshold} is at or
     * before {@code now}, or null when none has passed. Passed thresholds are never replayed one by one.
     */
    public static Integer mostUrgentPassed(List<Integer> thresholds, Instant endsAt, Instant now) {
        Integer best = null;
        for (int t : thresholds) {
            if (!endsAt.minusSeconds(t).isAfter(now) && (best == null || t < best)) {
                best = t;
            }
        }
        return best;
    }
}
