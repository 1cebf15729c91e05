package org.careclock.session;

import org.careclock.call.CallState;
import org.careclock.call.EndReason;

import java.time.Instant;
import java.util.List;

/**
 * A call's session as a page shows it. {@code currentAlert} is the most urgent threshold
 * already passed for the current deadline (shown once on opening), or null.
 */
public record SessionView(String cid, CallState state, Instant startedAt, Instant timerEndsAt, int maxDurationSeconds,
                          List<Participant> present, Integer currentAlert, IdlePrompt idlePrompt, Instant serverNow,
                          EndReason endReason) {

    /** An open stay-or-leave question. */
    public record IdlePrompt(String userId, Instant answerBy) {
    }
}
