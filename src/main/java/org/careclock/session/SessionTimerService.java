package org.careclock.session;

import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.Cid;
import org.careclock.call.EndReason;
import org.careclock.call.SessionRecord;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.security.Actor;
import org.careclock.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The single authority over running sessions: it starts them, moves their deadlines, raises
 * the threshold alerts, asks a lone participant whether to stay, and ends them — each at an
 * exact instant scheduled on the injected clock and scheduler (no polling). Every change is
 * persisted first, then published to the call's pages and the audit log.
 *
 * <p>Each call's runtime has its own lock; the database row lock and the guarded end make a
 * call end exactly once whatever races (timer, idle, a user, another node).
 */
@Service
public class SessionTimerService {

    private static final Logger log = LoggerFactory.getLogger(SessionTimerService.class);

    private final CallService calls;
    private final CallSessionStore store;
    private final CallTypeService types;
    private final UserService users;
    private final SessionEvents events;
    private final TimerScheduler scheduler;
    private final Clock clock;
    private final SessionProperties properties;

    private final Map<String, CallRuntime> runtimes = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Object creation = new Object();

    SessionTimerService(CallService calls, CallSessionStore store, CallTypeService types, UserService users,
                        SessionEvents events, TimerScheduler scheduler, Clock clock, SessionProperties properties) {
        this.calls = calls;
        this.store = store;
        this.types = types;
        this.users = users;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.properties = properties;
    }

    /** A page's entry into a call: its handle, the session as it stands, and what the user may do. */
    public record Joined(Attendance attendance, CallDetails call, SessionView session, Set<Capability> capabilities,
                         List<Integer> extensionSteps, List<Integer> alertThresholds) {
    }

    // ------------------------------------------------------------------ queries

    /** The server's clock, which pages anchor their countdowns to. */
    public Instant now() {
        return clock.instant();
    }

    /** What the actor may do in calls of this type (the API's server identity may do everything). */
    public Set<Capability> capabilities(Actor actor, String type) {
        if (actor.server()) {
            return Capability.withDerived(EnumSet.copyOf(Capability.grantable()));
        }
        return types.capabilitiesOf(type, actor.role());
    }

    public SessionView view(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        return snapshot(call.cid());
    }

    /** Users present in a call now (empty when no session runs). */
    public List<Participant> present(String cid) {
        CallRuntime rt = runtimes.get(cid);
        return rt == null ? List.of() : locked(rt, () -> participants(rt));
    }

    public int runningSessions() {
        return runtimes.size();
    }

    // ------------------------------------------------------------------ join / leave

    /**
     * Joins a call as one open page. Starts the session on the first join (or a fresh one on
     * an ended call for roles with {@code join-ended-call}). An override of the duration needs
     * {@code update-call} and {@code update-call-settings}; without them nothing happens.
     */
    public Joined join(Actor actor, String type, String id, Integer overrideSeconds) {
        CallDetails call = calls.getVisible(actor, type, id);
        Set<Capability> caps = capabilities(actor, type);
        if (!caps.contains(Capability.JOIN_CALL)) {
            throw new RefusedException("Your role may not join calls of this type");
        }
        if (overrideSeconds != null) {
            if (!caps.contains(Capability.CHANGE_MAX_DURATION)) {
                throw new RefusedException("Changing the call's duration needs the update-call and update-call-settings capabilities");
            }
            if (overrideSeconds < 1 || overrideSeconds > CallTypeSettings.MAX_SECONDS) {
                throw new InvalidInputException("max_duration_seconds",
                        "max_duration_seconds must be between 1 and " + CallTypeSettings.MAX_SECONDS);
            }
        }
        boolean mayRestart = caps.contains(Capability.JOIN_ENDED_CALL);
        if (call.state() == CallState.ENDED && !mayRestart) {
            throw new RefusedException("This appointment has ended and cannot be joined again");
        }
        if (actor.userId() == null) {
            throw new RefusedException("Only a signed-in user can join a call");
        }
        String cid = call.cid();
        Participant me = new Participant(actor.userId(), users.displayName(actor.userId()));
        while (true) {
            CallRuntime rt = obtain(cid, mayRestart, overrideSeconds, actor);
            rt.lock.lock();
            try {
                if (rt.ended) {
                    runtimes.remove(cid, rt);
                    if (!mayRestart) {
                        throw new RefusedException("This appointment has ended and cannot be joined again");
                    }
                    continue;
                }
                if (overrideSeconds != null && !overrideSeconds.equals(rt.maxDurationSeconds)) {
                    applyNewMax(rt, max -> overrideSeconds, actor.label(), "override");
                }
                Attendance attendance = addPage(rt, me);
                return new Joined(attendance, calls.getVisible(actor, type, id), viewOf(rt), caps,
                        rt.type.extensionStepsSeconds(), rt.type.alertThresholdsSeconds());
            } finally {
                rt.lock.unlock();
            }
        }
    }

    /** Closes one page's attendance (the page closed, the user left, or the browser vanished). */
    public void leave(Attendance attendance) {
        CallRuntime rt = runtimes.get(attendance.cid());
        if (rt == null) {
            return;
        }
        locked(rt, () -> {
            removePage(rt, attendance.token());
            return null;
        });
    }

    /** A sign of life from a page (its heartbeat); pages without one for the presence timeout leave. */
    public void heartbeat(Attendance attendance) {
        CallRuntime rt = runtimes.get(attendance.cid());
        if (rt != null) {
            CallRuntime.Page page = locked(rt, () -> rt.pages.get(attendance.token()));
            if (page != null) {
                page.lastSeen = clock.instant();
            }
        }
    }

    /** The lone participant answers "Stay": the alone period starts again. */
    public void stay(Attendance attendance) {
        CallRuntime rt = runtimes.get(attendance.cid());
        if (rt == null) {
            return;
        }
        locked(rt, () -> {
            if (rt.ended || !rt.pages.containsKey(attendance.token())) {
                return null;
            }
            boolean prompted = rt.prompt != null;
            rt.cancelIdle();
            if (prompted) {
                events.publish(new SessionEvent.IdlePromptCancelled(rt.cid));
            }
            if (rt.presentCount() == 1) {
                startAlonePeriod(rt, clock.instant());
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ deadline changes and end

    /** Extends a running session by {@code seconds} (needs {@code change-max-duration}); atomic. */
    public SessionView extend(Actor actor, String type, String id, int seconds) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireCapability(actor, type, Capability.CHANGE_MAX_DURATION,
                "Your role may not change the call's duration");
        if (seconds < 1 || seconds > CallTypeSettings.MAX_SECONDS) {
            throw new InvalidInputException("seconds", "An extension must be between 1 and "
                    + CallTypeSettings.MAX_SECONDS + " seconds");
        }
        CallRuntime rt = running(call.cid());
        return locked(rt, () -> {
            requireRunning(rt);
            if (rt.endsAt == null) {
                throw new RefusedException("This call has no time limit to extend");
            }
            applyNewMax(rt, max -> max + seconds, actor.label(), "extended");
            return viewOf(rt);
        });
    }

    /**
     * Sets a running session's budget to an absolute value (0 removes the timer); refused when
     * the deadline would fall at or before now. On a call without a running session it sets the
     * call's override for its next session.
     */
    public SessionView setMaxDuration(Actor actor, String type, String id, int seconds) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireCapability(actor, type, Capability.CHANGE_MAX_DURATION,
                "Your role may not change the call's duration");
        CallTypeSettings settings = types.get(type);
        int limit = CallTypeSettings.MAX_SECONDS + settings.maxDurationSeconds();
        if (seconds < 0 || seconds > limit) {
            throw new InvalidInputException("max_duration_seconds",
                    "max_duration_seconds must be between 0 and " + limit);
        }
        if (call.state() != CallState.IN_PROGRESS) {
            calls.changeOverride(actor, call.cid(), seconds);
            return snapshot(call.cid());
        }
        CallRuntime rt = running(call.cid());
        return locked(rt, () -> {
            requireRunning(rt);
            applyNewMax(rt, max -> seconds, actor.label(), "changed");
            return viewOf(rt);
        });
    }

    /** Ends the call for everyone (needs {@code end-call}). */
    public void end(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireCapability(actor, type, Capability.END_CALL, "Your role may not end calls of this type");
        CallRuntime rt = runtimes.get(call.cid());
        if (rt == null) {
            SessionRecord record = store.get(call.cid());
            if (!record.running()) {
                throw new RefusedException("This appointment is not in progress");
            }
            rt = obtain(call.cid(), false, null, actor);
        }
        CallRuntime target = rt;
        locked(target, () -> {
            requireRunning(target);
            endSession(target, EndReason.ENDED_BY_USER, actor.label());
            return null;
        });
    }

    /**
     * Ends the call for good, whatever its state (the API's mark_ended): a running session
     * ends like {@link #end}, a call that never started is closed, an ended one is left as it
     * is. Needs {@code end-call}. Every page and list of the call hears it.
     */
    public CallDetails close(Actor actor, String type, String id) {
        requireCapability(actor, type, Capability.END_CALL, "Your role may not end calls of this type");
        for (int round = 0; round < 3; round++) {
            CallDetails call = calls.getVisible(actor, type, id);
            if (call.state() == CallState.ENDED) {
                return call;
            }
            if (call.state() == CallState.IN_PROGRESS) {
                try {
                    end(actor, type, id);
                } catch (RefusedException endedMeanwhile) {
                    continue;
                }
                return calls.getVisible(actor, type, id);
            }
            CallService.Closed closed = calls.endIfNotStarted(actor, type, id);
            if (closed.ended()) {
                events.publish(new SessionEvent.CallEnded(closed.call().cid(), EndReason.ENDED_BY_USER,
                        closed.call().endedAt(), actor.label()));
            }
            if (closed.call().state() != CallState.IN_PROGRESS) {
                return closed.call();
            }
        }
        throw new org.careclock.base.ConflictException("The call changed state during the request; try again");
    }

    // ------------------------------------------------------------------ recovery

    /** After a restart: overdue sessions end at once with their reason, the others are scheduled again. */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        for (SessionRecord record : store.running()) {
            if (runtimes.containsKey(record.cid())) {
                continue;
            }
            try {
                CallRuntime rt = obtain(record.cid(), false, null, null);
                locked(rt, () -> {
                    if (!rt.ended && rt.pages.isEmpty() && rt.emptyTask == null) {
                        presenceChanged(rt, clock.instant());
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                log.error("Could not recover the session of {}", record.cid(), e);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    /**
     * The runtime of a call: the existing one, or a new one that starts a session if none runs
     * (or takes over a running one after a restart). Creation is serialised; the new runtime is
     * locked until it is fully planned, so nobody sees it half made.
     */
    private CallRuntime obtain(String cid, boolean mayRestart, Integer overrideSeconds, Actor actor) {
        CallRuntime existing = runtimes.get(cid);
        if (existing != null) {
            return existing;
        }
        synchronized (creation) {
            existing = runtimes.get(cid);
            if (existing != null) {
                return existing;
            }
            SessionRecord before = store.get(cid);
            if (before.state() == CallState.ENDED && !mayRestart) {
                throw new RefusedException("This appointment has ended and cannot be joined again");
            }
            Instant now = clock.instant();
            SessionRecord record = before.running() ? before : store.startIfNotRunning(cid, now, overrideSeconds, mayRestart);
            CallTypeSettings type = store.typeOf(cid);
            CallRuntime rt = new CallRuntime(cid, record.startedAt(), type, record.timerEndsAt(), record.maxDurationSeconds());
            rt.lock.lock();
            try {
                runtimes.put(cid, rt);
                if (!before.running()) {
                    events.publish(new SessionEvent.DeadlineChanged(cid, null, rt.endsAt, rt.maxDurationSeconds,
                            actor == null ? null : actor.label(), now, "started"));
                } else {
                    rt.emptySince = record.emptySince();
                    if (rt.endsAt != null && !rt.endsAt.isAfter(now)) {
                        endSession(rt, EndReason.TIMER_EXPIRED, null);
                        return rt;
                    }
                    if (rt.emptySince != null && !rt.emptySince.plusSeconds(type.emptyTimeoutSeconds()).isAfter(now)) {
                        endSession(rt, EndReason.EMPTY_TIMEOUT, null);
                        return rt;
                    }
                }
                scheduleDeadline(rt, now, false);
                return rt;
            } finally {
                rt.lock.unlock();
            }
        }
    }

    private Attendance addPage(CallRuntime rt, Participant who) {
        Instant now = clock.instant();
        Attendance attendance = new Attendance(tokens.incrementAndGet(), rt.cid, who.userId());
        CallRuntime.Page page = new CallRuntime.Page(attendance, now);
        rt.pages.put(attendance.token(), page);
        int before = rt.pagesByUser.getOrDefault(who.userId(), 0);
        rt.pagesByUser.put(who.userId(), before + 1);
        scheduleLivenessCheck(rt, page, now.plus(properties.presenceTimeout()));
        if (before == 0) {
            names.put(who.userId(), who.displayName());
            presenceChanged(rt, now);
        }
        return attendance;
    }

    private void removePage(CallRuntime rt, long token) {
        CallRuntime.Page page = rt.pages.remove(token);
        if (page == null || rt.ended) {
            return;
        }
        CallRuntime.cancel(page.livenessCheck);
        String userId = page.attendance.userId();
        int left = rt.pagesByUser.getOrDefault(userId, 1) - 1;
        if (left > 0) {
            rt.pagesByUser.put(userId, left);
            return;
        }
        rt.pagesByUser.remove(userId);
        presenceChanged(rt, clock.instant());
    }

    private void scheduleLivenessCheck(CallRuntime rt, CallRuntime.Page page, Instant at) {
        page.livenessCheck = scheduler.schedule(at, () -> locked(rt, () -> {
            if (rt.ended || rt.pages.get(page.attendance.token()) != page) {
                return null;
            }
            Instant due = page.lastSeen.plus(properties.presenceTimeout());
            if (!due.isAfter(clock.instant())) {
                log.info("A page of {} in {} sent no heartbeat for {}; taking it as gone",
                        page.attendance.userId(), rt.cid, properties.presenceTimeout());
                removePage(rt, page.attendance.token());
            } else {
                scheduleLivenessCheck(rt, page, due);
            }
            return null;
        }));
    }

    /** Presence moved: publish it and re-plan the alone (idle) and empty timers. */
    private void presenceChanged(CallRuntime rt, Instant now) {
        events.publish(new SessionEvent.PresenceChanged(rt.cid, participants(rt)));
        int n = rt.presentCount();
        if (n == 0) {
            cancelIdle(rt);
            if (rt.emptyTask == null) {
                Instant since = rt.emptySince != null ? rt.emptySince : now;
                rt.emptySince = since;
                store.markEmpty(rt.cid, since);
                rt.emptyTask = scheduler.schedule(since.plusSeconds(rt.type.emptyTimeoutSeconds()), () -> locked(rt, () -> {
                    if (!rt.ended && rt.presentCount() == 0) {
                        endSession(rt, EndReason.EMPTY_TIMEOUT, null);
                    }
                    return null;
                }));
            }
            return;
        }
        if (rt.emptyTask != null || rt.emptySince != null) {
            CallRuntime.cancel(rt.emptyTask);
            rt.emptyTask = null;
            rt.emptySince = null;
            store.markEmpty(rt.cid, null);
        }
        if (n == 1) {
            if (rt.aloneSince == null) {
                startAlonePeriod(rt, now);
            }
        } else {
            rt.aloneSince = null;
            cancelIdle(rt);
        }
    }

    private void cancelIdle(CallRuntime rt) {
        boolean prompted = rt.prompt != null;
        rt.cancelIdle();
        if (prompted) {
            events.publish(new SessionEvent.IdlePromptCancelled(rt.cid));
        }
        if (rt.presentCount() != 1) {
            rt.aloneSince = null;
        }
    }

    private void startAlonePeriod(CallRuntime rt, Instant now) {
        rt.aloneSince = now;
        rt.cancelIdle();
        if (!rt.idleEnabled()) {
            return;
        }
        Instant promptAt = now.plusSeconds(rt.type.idleTimeoutSeconds() - rt.type.idlePromptSeconds());
        rt.idlePromptTask = scheduler.schedule(promptAt, () -> locked(rt, () -> {
            if (rt.ended || rt.presentCount() != 1 || rt.prompt != null || rt.aloneSince == null
                    || !rt.aloneSince.equals(now)) {
                return null;
            }
            String alone = rt.pagesByUser.keySet().iterator().next();
            Instant answerBy = clock.instant().plusSeconds(rt.type.idlePromptSeconds());
            rt.prompt = new SessionView.IdlePrompt(alone, answerBy);
            events.publish(new SessionEvent.IdlePromptShown(rt.cid, alone, answerBy));
            SessionView.IdlePrompt asked = rt.prompt;
            rt.idleEndTask = scheduler.schedule(answerBy, () -> locked(rt, () -> {
                if (!rt.ended && rt.prompt == asked) {
                    endSession(rt, EndReason.IDLE_TIMEOUT, null);
                }
                return null;
            }));
            return null;
        }));
    }

    /** Persists a new budget computed from the current one, then re-plans and publishes. Caller holds the lock. */
    private void applyNewMax(CallRuntime rt, java.util.function.IntUnaryOperator newMax, String actor, String action) {
        Instant now = clock.instant();
        int typeMax = rt.type.maxDurationSeconds();
        CallSessionStore.Change change = store.changeMax(rt.cid, current -> {
            int next = newMax.applyAsInt(current);
            if (next > CallTypeSettings.MAX_SECONDS + typeMax) {
                throw new InvalidInputException("max_duration_seconds", "The call may last at most "
                        + (CallTypeSettings.MAX_SECONDS + typeMax) + " seconds in all");
            }
            if (next > 0 && !rt.startedAt.plusSeconds(next).isAfter(now)) {
                throw new InvalidInputException("max_duration_seconds",
                        "That duration would end the call at or before now; choose more than "
                                + java.time.Duration.between(rt.startedAt, now).toSeconds() + " seconds");
            }
            return next;
        });
        Instant old = rt.endsAt;
        rt.endsAt = change.after().timerEndsAt();
        rt.maxDurationSeconds = change.after().maxDurationSeconds();
        events.publish(new SessionEvent.DeadlineChanged(rt.cid, old, rt.endsAt, rt.maxDurationSeconds, actor, now, action));
        scheduleDeadline(rt, now, true);
    }

    /**
     * Plans the end and every threshold of the current deadline. Thresholds still ahead are
     * scheduled; of those already passed only the most urgent is raised, once, and only when the
     * deadline moved ({@code announcePassed}).
     */
    private void scheduleDeadline(CallRuntime rt, Instant now, boolean announcePassed) {
        CallRuntime.cancel(rt.deadlineTask);
        rt.deadlineTask = null;
        rt.cancelAlerts();
        Instant endsAt = rt.endsAt;
        if (endsAt == null) {
            return;
        }
        rt.deadlineTask = scheduler.schedule(endsAt, () -> locked(rt, () -> {
            if (!rt.ended && endsAt.equals(rt.endsAt)) {
                endSession(rt, EndReason.TIMER_EXPIRED, null);
            }
            return null;
        }));
        Integer passed = TimerRules.mostUrgentPassed(rt.type.alertThresholdsSeconds(), endsAt, now);
        for (int threshold : rt.type.alertThresholdsSeconds()) {
            Instant at = endsAt.minusSeconds(threshold);
            if (at.isAfter(now)) {
                rt.alertTasks.add(scheduler.schedule(at, () -> locked(rt, () -> {
                    if (!rt.ended && endsAt.equals(rt.endsAt)) {
                        events.publish(new SessionEvent.AlertRaised(rt.cid, threshold, endsAt));
                    }
                    return null;
                })));
            }
        }
        if (announcePassed && passed != null) {
            events.publish(new SessionEvent.AlertRaised(rt.cid, passed, endsAt));
        }
    }

    /** The one guarded end. Caller holds the lock. */
    private void endSession(CallRuntime rt, EndReason reason, String actor) {
        if (rt.ended) {
            return;
        }
        Instant now = clock.instant();
        boolean mine = store.end(rt.cid, rt.startedAt, reason, now);
        rt.ended = true;
        rt.cancelAll();
        runtimes.remove(rt.cid, rt);
        if (mine) {
            events.publish(new SessionEvent.CallEnded(rt.cid, reason, now, actor));
        } else {
            SessionRecord record = store.get(rt.cid);
            if (record.running() && rt.startedAt.equals(record.startedAt())) {
                log.error("The end of {} ({}) matched no row although its session still runs; the database and "
                        + "this node disagree about the session's start", rt.cid, reason);
            }
            events.publish(new SessionEvent.CallEnded(rt.cid, record.endReason() != null ? record.endReason() : reason,
                    record.endedAt() != null ? record.endedAt() : now, actor));
        }
    }

    private SessionView snapshot(String cid) {
        CallRuntime rt = runtimes.get(cid);
        if (rt != null) {
            SessionView view = locked(rt, () -> rt.ended ? null : viewOf(rt));
            if (view != null) {
                return view;
            }
        }
        SessionRecord record = store.get(cid);
        return new SessionView(cid, record.state(), record.startedAt(), record.timerEndsAt(), record.maxDurationSeconds(),
                List.of(), null, null, clock.instant(), record.endReason());
    }

    private SessionView viewOf(CallRuntime rt) {
        Instant now = clock.instant();
        Integer alert = rt.endsAt == null ? null : TimerRules.mostUrgentPassed(rt.type.alertThresholdsSeconds(), rt.endsAt, now);
        return new SessionView(rt.cid, CallState.IN_PROGRESS, rt.startedAt, rt.endsAt, rt.maxDurationSeconds,
                participants(rt), alert, rt.prompt, now, null);
    }

    private List<Participant> participants(CallRuntime rt) {
        return rt.pagesByUser.keySet().stream()
                .map(id -> new Participant(id, names.getOrDefault(id, id))).toList();
    }

    private CallRuntime running(String cid) {
        CallRuntime rt = runtimes.get(cid);
        if (rt == null) {
            SessionRecord record = store.get(cid);
            if (!record.running()) {
                throw new RefusedException("This appointment is not in progress");
            }
            rt = obtain(cid, false, null, null);
        }
        return rt;
    }

    private static void requireRunning(CallRuntime rt) {
        if (rt.ended) {
            throw new RefusedException("This appointment has ended");
        }
    }

    private void requireCapability(Actor actor, String type, Capability capability, String message) {
        if (!capabilities(actor, type).contains(capability)) {
            throw new RefusedException(message);
        }
    }

    private static <T> T locked(CallRuntime rt, Supplier<T> action) {
        rt.lock.lock();
        try {
            return action.get();
        } finally {
            rt.lock.unlock();
        }
    }

    Optional<CallRuntime> runtime(String cid) {
        return Optional.ofNullable(runtimes.get(cid));
    }
}
