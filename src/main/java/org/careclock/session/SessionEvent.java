package org.careclock.session;

import org.careclock.call.EndReason;

import java.time.Instant;
import java.util.List;

/** What happened to a running session; every open page of the call hears it at once. */
public sealed interface SessionEvent {

    String cid();

    /**
     * Whether the event stays on the node that raised it. Every node that runs a call plans the
     * call's alerts from the one shared deadline and raises them to its own pages, so an alert
     * relayed from another node would be heard twice.
     */
    default boolean staysOnItsNode() {
        return false;
    }

    /** The deadline was set or moved; {@code oldEndsAt} is null at the start, {@code newEndsAt} null without a timer. */
    record DeadlineChanged(String cid, Instant oldEndsAt, Instant newEndsAt, int maxDurationSeconds, String actor,
                           Instant at, String action) implements SessionEvent {
    }

    record PresenceChanged(String cid, List<Participant> present) implements SessionEvent {
    }

    /** A threshold was reached: {@code thresholdSeconds} before {@code endsAt}. */
    record AlertRaised(String cid, int thresholdSeconds, Instant endsAt) implements SessionEvent {
        @Override
        public boolean staysOnItsNode() {
            return true;
        }
    }

    /** The only participant is asked whether to stay; the call ends at {@code answerBy} without an answer. */
    record IdlePromptShown(String cid, String userId, Instant answerBy) implements SessionEvent {
    }

    record IdlePromptCancelled(String cid) implements SessionEvent {
    }

    /** The media pages of the call, or what one of them sends, changed. */
    record PeersChanged(String cid, List<Peer> peers) implements SessionEvent {
    }

    /**
     * A signalling message from one media page to another, checked by the server; only the page
     * {@code toPage} takes it. {@code payload} is the session description or the ICE candidate (JSON).
     */
    record SignalRelayed(String cid, long fromPage, String fromUserId, long toPage, SignalKind kind,
                         String payload) implements SessionEvent {

        /** Without the payload: a session description carries the connection's ICE password. */
        @Override
        public String toString() {
            return "SignalRelayed[cid=" + cid + ", fromPage=" + fromPage + ", fromUserId=" + fromUserId + ", toPage="
                    + toPage + ", kind=" + kind + ", payload=" + (payload == null ? 0 : payload.length()) + " characters]";
        }
    }

    /** Who waits in the call's waiting room changed (or whether they were noticed). */
    record WaitingChanged(String cid, List<Waiting> waiting) implements SessionEvent {
    }

    /** The call was started ({@code go-live}) by {@code actor}; {@code admitted} were waiting until then. */
    record WentLive(String cid, Instant at, String actor, List<Waiting> admitted) implements SessionEvent {
    }

    /** A participant who may not extend the call asks those who may for more time. */
    record TimeAsked(String cid, String userId, String displayName, Instant at) implements SessionEvent {
    }

    /**
     * The request of {@code userId} for more time was answered by {@code actor}: granted with an
     * extension of {@code seconds}, or declined ({@code seconds} 0).
     */
    record TimeAnswered(String cid, String userId, boolean granted, int seconds, String actor, Instant at)
            implements SessionEvent {
    }

    record CallEnded(String cid, EndReason reason, Instant at, String actor) implements SessionEvent {
    }
}
