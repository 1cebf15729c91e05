package org.careclock.call;

/** Why a call ended. */
public enum EndReason {
    TIMER_EXPIRED("The time has run out"),
    IDLE_TIMEOUT("The call ended because a participant stayed alone without answering"),
    ENDED_BY_USER("The call was ended by a participant"),
    EMPTY_TIMEOUT("The call ended because nobody was present");

    private final String description;

    EndReason(String description) {
        this.description = description;
    }

    /** A sentence for people. */
    public String description() {
        return description;
    }
}
