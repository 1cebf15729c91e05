package org.careclock.testing;

import org.careclock.session.Due;
import org.careclock.session.TimerScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for the session timer: records wait in a queue until a test advances the clock,
 * then go to the dispatcher in the order of their instants, in the test's thread, with the
 * clock set to each record's instant. An hour-long call runs in milliseconds.
 */
public final class VirtualScheduler implements TimerScheduler {

    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Dispatcher dispatcher;

    public VirtualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    private static final class Task implements Comparable<Task>, Scheduled {
        final Due due;
        final long seq;
        volatile boolean cancelled;

        Task(Due due, long seq) {
            this.due = due;
            this.seq = seq;
        }

        @Override
        public int compareTo(Task o) {
            int c = due.at().compareTo(o.due.at());
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public void dispatchTo(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher);
    }

    @Override
    public synchronized Scheduled schedule(Due due) {
        Task t = new Task(due, sequence.incrementAndGet());
        queue.add(t);
        return t;
    }

    /** Moves time forward by {@code by}, dispatching every record due on the way. */
    public void advance(Duration by) {
        advanceTo(clock.instant().plus(by));
    }

    public void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.at().isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.cancelled) {
                continue;
            }
            if (next.due.at().isAfter(clock.instant())) {
                clock.set(next.due.at());
            }
            dispatcher.dispatch(next.due);
        }
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    /** Dispatches what is due now without moving the clock. */
    public void runDue() {
        advanceTo(clock.instant());
    }

    /** Records waiting and not withdrawn (for leak checks). */
    public synchronized long pending() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    /** Records of one call waiting and not withdrawn. */
    public synchronized long pending(String cid) {
        return queue.stream().filter(t -> !t.cancelled && t.due.cid().equals(cid)).count();
    }
}
