package org.careclock.bench;

import org.careclock.session.TimerScheduler;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Reads the production scheduler's queue (tasks waiting to run), for leak checks. */
final class SchedulerProbe {

    private final ScheduledThreadPoolExecutor executor;

    SchedulerProbe(TimerScheduler scheduler) {
        try {
            Field field = scheduler.getClass().getDeclaredField("executor");
            field.setAccessible(true);
            this.executor = (ScheduledThreadPoolExecutor) field.get(scheduler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Expected the production ExecutorTimerScheduler, got " + scheduler.getClass(), e);
        }
    }

    /** Tasks waiting in the queue (cancelled ones are removed at once: remove-on-cancel is set). */
    int pending() {
        return executor.getQueue().size();
    }

    int poolSize() {
        return executor.getCorePoolSize();
    }
}
