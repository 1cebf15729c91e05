package org.careclock.session;

/**
 * A participant's media page: the one open page of that user that carries their camera and
 * microphone (their newest). {@code audio}/{@code video}: whether that page sends them now —
 * allowed by the role's grants and switched on.
 */
public record Peer(String userId, String displayName, long page, boolean audio, boolean video) {
}
