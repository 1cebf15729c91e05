package org.careclock.session;

import java.time.Instant;

/**
 * One planned instant of a running session, as data: which call, which session (its start),
 * what is due and the state it was planned for. The scheduler holds these records, never code;
 * at {@link #at()} it hands the record to the one dispatcher ({@code DueDispatcher}), which runs it
 * only while it is still the record planned in its {@link #slot()} — a moved deadline, a
 * cancelled prompt or a closed page simply leaves the old record stale.
 */
public sealed interface Due {

    String cid();

    /** The session the record belongs to: a record of an earlier session of the call is stale. */
    Instant sessionStartedAt();

    /** When it is due. */
    Instant at();

    /** The slot of the session's plan it occupies; planning a new record in a slot replaces the old one. */
    String slot();

    /** The deadline {@code endsAt} is reached: the call ends ({@code TIMER_EXPIRED}). */
    record DeadlineDue(String cid, Instant sessionStartedAt, Instant endsAt) implements Due {
        @Override
        public Instant at() {
            return endsAt;
        }

        @Override
        public String slot() {
            return "deadline";
        }
    }

    /** A threshold of the deadline {@code endsAt} is reached: every page shows the alert. */
    record AlertDue(String cid, Instant sessionStartedAt, Instant endsAt, int thresholdSeconds) implements Due {
        @Override
        public Instant at() {
            return endsAt.minusSeconds(thresholdSeconds);
        }

        @Override
        public String slot() {
            return "alert:" + thresholdSeconds;
        }
    }

    /** The lone participant, alone since {@code aloneSince}, is asked to stay or leave at {@code at}. */
    record IdlePromptDue(String cid, Instant sessionStartedAt, Instant aloneSince, Instant at) implements Due {
        @Override
        public String slot() {
            return "idle";
        }
    }

    /** Nobody answered the prompt by {@code at}: the call ends ({@code IDLE_TIMEOUT}). */
    record IdleEndDue(String cid, Instant sessionStartedAt, String userId, Instant at) implements Due {
        @Override
        public String slot() {
            return "idle";
        }
    }

    /** Nobody has been present since {@code emptySince}; at {@code at} the call ends ({@code EMPTY_TIMEOUT}). */
    record EmptyEndDue(String cid, Instant sessionStartedAt, Instant emptySince, Instant at) implements Due {
        @Override
        public String slot() {
            return "empty";
        }
    }

    /** Is the page {@code pageToken} still sending heartbeats? Checked at {@code at}. */
    record PageLivenessDue(String cid, Instant sessionStartedAt, long pageToken, Instant at) implements Due {
        @Override
        public String slot() {
            return slotOf(pageToken);
        }

        static String slotOf(long pageToken) {
            return "page:" + pageToken;
        }
    }

    /** Are the call's pages on other nodes still sending heartbeats? Checked at {@code at} (several nodes). */
    record ElsewhereLivenessDue(String cid, Instant sessionStartedAt, Instant at) implements Due {
        @Override
        public String slot() {
            return "elsewhere";
        }
    }
}
