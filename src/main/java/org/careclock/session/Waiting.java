package org.careclock.session;

import java.time.Instant;

/**
 * A member in a call's waiting room: since when (their first open waiting page), and whether
 * someone who may start the call has had the waiting list in front of them since then.
 */
public record Waiting(String userId, String displayName, Instant since, boolean noticed) {
}
