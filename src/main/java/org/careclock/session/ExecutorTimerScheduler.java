package org.careclock.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The production scheduler: a small pool of daemon threads, one delayed hand-over per record. */
@Component
class ExecutorTimerScheduler implements TimerScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorTimerScheduler.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Dispatcher dispatcher;

    ExecutorTimerScheduler(Clock clock) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "careclock-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void dispatchTo(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher);
    }

    @Override
    public Scheduled schedule(Due due) {
        Dispatcher target = Objects.requireNonNull(dispatcher, "no dispatcher set");
        long delayNanos = Math.max(0, Duration.between(clock.instant(), due.at()).toNanos());
        ScheduledFuture<?> future = executor.schedule(() -> {
            try {
                target.dispatch(due);
            } catch (RuntimeException e) {
                log.error("A session timer record failed: {}", due, e);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
