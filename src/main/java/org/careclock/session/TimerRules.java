package org.careclock.session;

import java.time.Instant;
import java.util.List;

/** Pure rules of the timer, kept apart so they can be tested without any clock, scheduler or database. */
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

    /** The thresholds whose instant {@code endsAt - threshold} is still ahead of {@code now}: the ones to plan. */
    public static List<Integer> thresholdsAhead(List<Integer> thresholds, Instant endsAt, Instant now) {
        return thresholds.stream().filter(t -> endsAt.minusSeconds(t).isAfter(now)).toList();
    }

    /** Whether a budget of {@code maxDurationSeconds} from {@code startedAt} ends after {@code now} (0 = no timer: always). */
    public static boolean endsAfter(Instant startedAt, int maxDurationSeconds, Instant now) {
        return maxDurationSeconds == 0 || startedAt.plusSeconds(maxDurationSeconds).isAfter(now);
    }

    /** When the lone participant, alone since {@code aloneSince}, is asked to stay: {@code idle_timeout - idle_prompt} later. */
    public static Instant idlePromptAt(Instant aloneSince, int idleTimeoutSeconds, int idlePromptSeconds) {
        return aloneSince.plusSeconds(idleTimeoutSeconds - idlePromptSeconds);
    }

    /** When a page last seen at {@code lastSeen} counts as gone. */
    public static Instant goneAt(Instant lastSeen, java.time.Duration presenceTimeout) {
        return lastSeen.plus(presenceTimeout);
    }
}
