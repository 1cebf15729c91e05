package org.careclock.testing;

import org.careclock.session.TimerScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for the session timer: tasks wait in a queue until a test advances the clock,
 * then run in the order of their instants, in the test's thread, with the clock set to each
 * task's instant. An hour-long call runs in milliseconds.
 */
public final class VirtualScheduler implements TimerScheduler {

    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    public VirtualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    private static final class Task implements Comparable<Task>, Scheduled {
        final Instant at;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Task(Instant at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Scheduled schedule(Instant at, Runnable task) {
        Task t = new Task(at, sequence.incrementAndGet(), task);
        queue.add(t);
        return t;
    }

    /** Moves time forward by {@code by}, running every task due on the way. */
    public void advance(Duration by) {
        advanceTo(clock.instant().plus(by));
    }

    public void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.cancelled) {
                continue;
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.action.run();
        }
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    /** Runs what is due now without moving the clock. */
    public void runDue() {
        advanceTo(clock.instant());
    }

    /** Tasks waiting and not cancelled (for leak checks). */
    public synchronized long pending() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }
}
