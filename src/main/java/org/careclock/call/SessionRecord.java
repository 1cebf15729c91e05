package org.careclock.call;

import java.time.Instant;

/**
 * The persisted facts of a call's session. {@code maxDurationSeconds} is the effective budget:
 * the running session's (with extensions), otherwise the override or the type's value.
 * {@code timerEndsAt} is null when no session runs or the session has no timer.
 */
public record SessionRecord(String cid, String type, CallState state, Instant startedAt, int maxDurationSeconds,
                            Instant timerEndsAt, Instant emptySince, Instant endedAt, EndReason endReason) {

    public boolean running() {
        return state == CallState.IN_PROGRESS;
    }
}
