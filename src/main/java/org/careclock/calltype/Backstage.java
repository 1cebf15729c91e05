package org.careclock.calltype;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The waiting room of a call type (Stream's "backstage"): with {@code enabled}, a call goes live
 * only when someone whose role holds {@code join-backstage} starts it, and the others wait until
 * then; they may open it from {@code joinAheadTimeSeconds} before its scheduled start. Off, the
 * first join starts the session (the seeds' rule).
 */
public record Backstage(
        boolean enabled,
        @Min(value = 0, message = JOIN_AHEAD_RULE) @Max(value = CallTypeSettings.MAX_SECONDS, message = JOIN_AHEAD_RULE)
        int joinAheadTimeSeconds) {

    static final String JOIN_AHEAD_RULE = "Opening ahead of the start must be between 0 and "
            + CallTypeSettings.MAX_SECONDS + " seconds";

    /** No waiting room: the seeds' behaviour, and the API's default. */
    public static final Backstage OFF = new Backstage(false, 0);
}
