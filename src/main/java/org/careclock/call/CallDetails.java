package org.careclock.call;

import org.careclock.calltype.Backstage;

import java.time.Instant;
import java.util.List;

/** A call (appointment) with its members and session, as screens and the API see it. */
public record CallDetails(String cid, String type, String id, String title, String createdBy, Instant createdAt,
                          Instant scheduledStart, List<String> members, Integer maxDurationOverride, CallState state,
                          SessionRecord session, Instant endedAt, EndReason endReason, Backstage backstage) {

    /**
     * Whether the call is live: a session runs. With a waiting room, nobody but those who may start
     * it (join-backstage) is in the call until then.
     */
    public boolean live() {
        return state == CallState.IN_PROGRESS;
    }

    /**
     * When members without join-backstage may open a call with a waiting room: its scheduled start
     * less the time it opens ahead; null when it opens at any time (no waiting room, no start).
     */
    public Instant opensAt() {
        return backstage.enabled() && scheduledStart != null ? scheduledStart.minusSeconds(backstage.joinAheadTimeSeconds())
                : null;
    }

    /** The title if one was given, else the call id. */
    public String displayName() {
        return title == null || title.isBlank() ? id : title;
    }
}
