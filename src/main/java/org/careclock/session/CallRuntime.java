package org.careclock.session;

import org.careclock.calltype.CallTypeSettings;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory side of one running session: who is present, and its plan — the {@link Due}
 * record currently planned in each slot (deadline, each alert, idle, empty, each page's
 * liveness). Guarded by {@link #lock}: every field but the final ones is read and written only
 * while holding it (docs/design.md, "Locks").
 */
final class CallRuntime {

    /** LOADING until its session is read from the database; DISCARDED when that failed; ENDED once ended. */
    enum Phase { LOADING, RUNNING, ENDED, DISCARDED }

    final ReentrantLock lock = new ReentrantLock();
    final String cid;

    Phase phase = Phase.LOADING;
    /** Set by the loader: loading this runtime started its session (rather than taking one over). */
    boolean startedNow;
    Instant startedAt;
    CallTypeSettings type;
    Instant endsAt;
    int maxDurationSeconds;

    /** Open pages by token, and how many pages each user has open (a user counts once). */
    final Map<Long, Page> pages = new HashMap<>();
    final Map<String, Integer> pagesByUser = new LinkedHashMap<>();
    final Map<String, String> names = new HashMap<>();
    /** Each present user's media page: the token of their newest open page. */
    final Map<String, Long> mediaPages = new LinkedHashMap<>();

    /** Pending requests for more time, by the asking user (one each); they lapse with the session. */
    final Map<String, TimeRequests.Request> timeRequests = new LinkedHashMap<>();

    Instant aloneSince;
    SessionView.IdlePrompt prompt;
    Instant emptySince;

    private final Map<String, Planned> plan = new HashMap<>();

    private record Planned(Due due, TimerScheduler.Scheduled handle) {
    }

    CallRuntime(String cid) {
        this.cid = cid;
    }

    /**
     * One open page; {@code lastSeen} moves with its heartbeats. {@code mayAudio}/{@code mayVideo}
     * are the role's grants; {@code audioOn}/{@code videoOn} the page's switches; {@code signals}
     * its budget of signalling messages (made when it first signals). A page that is not
     * {@code local} is served by another node: this node mirrors it from the database.
     */
    static final class Page {
        final Attendance attendance;
        final boolean mayAudio;
        final boolean mayVideo;
        final boolean local;
        Instant lastSeen;
        boolean audioOn = true;
        boolean videoOn = true;
        io.github.bucket4j.Bucket signals;
        boolean overRate;

        Page(Attendance attendance, Instant lastSeen, boolean mayAudio, boolean mayVideo, boolean local) {
            this.attendance = attendance;
            this.lastSeen = lastSeen;
            this.mayAudio = mayAudio;
            this.mayVideo = mayVideo;
            this.local = local;
        }
    }

    /** Whether {@code token} is a page this node serves. */
    boolean isLocalPage(long token) {
        Page page = pages.get(token);
        return page != null && page.local;
    }

    /** Whether {@code token} is the media page of its user. */
    boolean isMediaPage(long token) {
        Page page = pages.get(token);
        return page != null && Long.valueOf(token).equals(mediaPages.get(page.attendance.userId()));
    }

    boolean running() {
        return phase == Phase.RUNNING;
    }

    int presentCount() {
        return pagesByUser.size();
    }

    boolean idleEnabled() {
        return type.idleTimeoutSeconds() > 0;
    }

    /** Plans {@code due} in its slot, withdrawing whatever was planned there. */
    void plan(Due due, TimerScheduler scheduler) {
        unplan(due.slot());
        plan.put(due.slot(), new Planned(due, scheduler.schedule(due)));
    }

    /** Withdraws the record planned in {@code slot}, if any. */
    void unplan(String slot) {
        Planned planned = plan.remove(slot);
        if (planned != null) {
            planned.handle().cancel();
        }
    }

    /**
     * The one staleness rule: a record runs only while its session runs and it is still the
     * record planned in its slot. A current record leaves the plan as it runs.
     */
    boolean takeIfCurrent(Due due) {
        Planned planned = plan.get(due.slot());
        if (!running() || planned == null || !planned.due().equals(due)) {
            return false;
        }
        plan.remove(due.slot());
        return true;
    }

    /** The record planned in {@code slot}, or null. */
    Due planned(String slot) {
        Planned planned = plan.get(slot);
        return planned == null ? null : planned.due();
    }

    /** Withdraws every planned alert. */
    void unplanAlerts() {
        plan.entrySet().removeIf(entry -> {
            boolean alert = entry.getKey().startsWith("alert:");
            if (alert) {
                entry.getValue().handle().cancel();
            }
            return alert;
        });
    }

    /** Withdraws the whole plan (the session ended). */
    void unplanAll() {
        plan.values().forEach(p -> p.handle().cancel());
        plan.clear();
    }

    int plannedCount() {
        return plan.size();
    }
}
