package org.careclock.session;

/** Someone present in a call (counted once, whatever the number of their open tabs). */
public record Participant(String userId, String displayName) {
}
