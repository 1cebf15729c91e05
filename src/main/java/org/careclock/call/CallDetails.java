package org.careclock.call;

import java.time.Instant;
import java.util.List;

/** A call (appointment) with its members and session, as screens and the API see it. */
public record CallDetails(String cid, String type, String id, String title, String createdBy, Instant createdAt,
                          Instant scheduledStart, List<String> members, Integer maxDurationOverride, CallState state,
                          SessionRecord session, Instant endedAt, EndReason endReason) {

    /** The title if one was given, else the call id. */
    public String displayName() {
        return title == null || title.isBlank() ? id : title;
    }
}
