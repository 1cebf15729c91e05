package org.careclock.call;

import java.time.Instant;
import java.util.List;

/** What it takes to schedule an appointment. A null {@code createdBy} means the acting user. */
public record NewCall(String type, String id, String title, List<String> members, String createdBy,
                      Instant scheduledStart, Integer maxDurationOverride) {

    public NewCall {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
