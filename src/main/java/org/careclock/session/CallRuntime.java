package org.careclock.session;

import org.careclock.calltype.CallTypeSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory side of one running session: who is present, and the scheduled instants
 * (deadline, thresholds, idle prompt and end, empty end). Guarded by {@link #lock}; every
 * field is read and written only while holding it.
 */
final class CallRuntime {

    final ReentrantLock lock = new ReentrantLock();
    final String cid;
    final Instant startedAt;
    final CallTypeSettings type;

    Instant endsAt;
    int maxDurationSeconds;
    boolean ended;

    /** Open pages by token, and how many pages each user has open (a user counts once). */
    final Map<Long, Page> pages = new HashMap<>();
    final Map<String, Integer> pagesByUser = new LinkedHashMap<>();

    TimerScheduler.Scheduled deadlineTask;
    final List<TimerScheduler.Scheduled> alertTasks = new ArrayList<>();

    Instant aloneSince;
    TimerScheduler.Scheduled idlePromptTask;
    TimerScheduler.Scheduled idleEndTask;
    SessionView.IdlePrompt prompt;

    TimerScheduler.Scheduled emptyTask;
    Instant emptySince;

    CallRuntime(String cid, Instant startedAt, CallTypeSettings type, Instant endsAt, int maxDurationSeconds) {
        this.cid = cid;
        this.startedAt = startedAt;
        this.type = type;
        this.endsAt = endsAt;
        this.maxDurationSeconds = maxDurationSeconds;
    }

    /** One open page; {@code lastSeen} moves with its heartbeats. */
    static final class Page {
        final Attendance attendance;
        volatile Instant lastSeen;
        TimerScheduler.Scheduled livenessCheck;

        Page(Attendance attendance, Instant lastSeen) {
            this.attendance = attendance;
            this.lastSeen = lastSeen;
        }
    }

    int presentCount() {
        return pagesByUser.size();
    }

    boolean idleEnabled() {
        return type.idleTimeoutSeconds() > 0;
    }

    void cancelIdle() {
        cancel(idlePromptTask);
        cancel(idleEndTask);
        idlePromptTask = null;
        idleEndTask = null;
        prompt = null;
    }

    void cancelAlerts() {
        alertTasks.forEach(CallRuntime::cancel);
        alertTasks.clear();
    }

    void cancelAll() {
        cancel(deadlineTask);
        cancelAlerts();
        cancelIdle();
        cancel(emptyTask);
        pages.values().forEach(p -> cancel(p.livenessCheck));
    }

    static void cancel(TimerScheduler.Scheduled task) {
        if (task != null) {
            task.cancel();
        }
    }
}
