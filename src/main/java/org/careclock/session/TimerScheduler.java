package org.careclock.session;

import java.time.Instant;

/**
 * Runs a task at an exact instant of the application clock. Production uses a scheduled
 * executor; tests use a virtual scheduler that runs an hour in milliseconds.
 */
public interface TimerScheduler {

    Scheduled schedule(Instant at, Runnable task);

    /** A task that may still be cancelled; cancelling one that already ran does nothing. */
    interface Scheduled {
        void cancel();
    }
}
