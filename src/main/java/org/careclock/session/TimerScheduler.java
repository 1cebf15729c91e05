package org.careclock.session;

/**
 * Holds {@link Due} records and hands each, at its instant of the application clock, to the
 * one dispatcher. It knows nothing of calls: the dispatcher decides whether a record is still
 * current. Production uses a scheduled executor; tests use a virtual scheduler that runs an
 * hour in milliseconds. Because the records are plain data, a store-backed scheduler can keep
 * them too.
 */
public interface TimerScheduler {

    /** Where due records go; set once, by the session timer, before anything is scheduled. */
    void dispatchTo(Dispatcher dispatcher);

    /** Plans {@code due} for {@code due.at()} (at once when that has passed). */
    Scheduled schedule(Due due);

    /** Receives every record when it is due. */
    @FunctionalInterface
    interface Dispatcher {
        void dispatch(Due due);
    }

    /** A planned record that may still be withdrawn; withdrawing one that already ran does nothing. */
    interface Scheduled {
        void cancel();
    }
}
