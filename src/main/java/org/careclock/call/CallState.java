package org.careclock.call;

/** A call's life: scheduled, a session running, ended. */
public enum CallState {
    SCHEDULED,
    IN_PROGRESS,
    ENDED
}
