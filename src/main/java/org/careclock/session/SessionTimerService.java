package org.careclock.session;

import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.SessionRecord;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.user.UserService;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public face of the shared timer: joining and leaving, extending, ending, and what a page
 * shows. It checks who may do what, then works under the call's lock with the parts that keep
 * time — {@link Presence} (pages, alone, empty), {@link DeadlinePlanner} (deadline and alerts),
 * {@link Ending} (the one guarded end) and {@link SessionLoader} (start, take-over, recovery).
 * Every change is persisted first, then published to the call's pages and the audit log.
 */
@Service
public class SessionTimerService {

    private static final String ENDED = "This appointment has ended and cannot be joined again";

    private final CallService calls;
    private final CallSessionStore store;
    private final CallTypeService types;
    private final UserService users;
    private final SessionEvents events;
    private final Clock clock;
    private final Runtimes runtimes;
    private final SessionLoader loader;
    private final Presence presence;
    private final DeadlinePlanner deadlines;
    private final Ending ending;

    SessionTimerService(CallService calls, CallSessionStore store, CallTypeService types, UserService users,
                        SessionEvents events, Clock clock, Runtimes runtimes, SessionLoader loader, Presence presence,
                        DeadlinePlanner deadlines, Ending ending) {
        this.calls = calls;
        this.store = store;
        this.types = types;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.runtimes = runtimes;
        this.loader = loader;
        this.presence = presence;
        this.deadlines = deadlines;
        this.ending = ending;
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
        return types.capabilitiesOf(type, actor);
    }

    public SessionView view(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        return runtimes.ifPresent(call.cid(), rt -> rt.running() ? viewOf(rt) : null)
                .orElseGet(() -> stored(call.cid()));
    }

    /** Users present in a call now (empty when no session runs). */
    public List<Participant> present(String cid) {
        return runtimes.ifPresent(cid, presence::participants).orElse(List.of());
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
            throw new RefusedException(ENDED);
        }
        if (call.backstage().enabled() && call.state() == CallState.SCHEDULED) {
            throw new RefusedException("This appointment has not started yet: wait until it is started");
        }
        if (actor.userId() == null) {
            throw new RefusedException("Only a signed-in user can join a call");
        }
        Participant me = new Participant(actor.userId(), users.displayName(actor.userId()));
        while (true) {
            Joined joined = runtimes.locked(call.cid(), loader.starting(mayRestart, overrideSeconds, actor), rt -> {
                if (!rt.running()) {
                    if (!mayRestart) {
                        throw new RefusedException(ENDED);
                    }
                    return null;
                }
                if (!rt.pagesByUser.containsKey(me.userId()) && rt.presentCount() >= rt.type.maxParticipants()) {
                    throw new RefusedException("This appointment already has " + rt.presentCount()
                            + " participants, the most its type allows; try again when someone has left");
                }
                if (overrideSeconds != null && overrideSeconds != rt.maxDurationSeconds) {
                    deadlines.changeMax(rt, max -> overrideSeconds, actor.label(), "override");
                }
                Attendance attendance = presence.addPage(rt, me, caps.contains(Capability.SEND_AUDIO),
                        caps.contains(Capability.SEND_VIDEO));
                return new Joined(attendance, calls.getVisible(actor, type, id), viewOf(rt), caps,
                        rt.type.extensionStepsSeconds(), rt.type.alertThresholdsSeconds());
            });
            if (joined != null) {
                return joined;
            }
        }
    }

    /** Closes one page's attendance (the page closed, the user left, or the browser vanished). */
    public void leave(Attendance attendance) {
        runtimes.ifPresent(attendance.cid(), rt -> {
            presence.removePage(rt, attendance.token());
            return null;
        });
    }

    /** A sign of life from a page (its heartbeat); pages without one for the presence timeout leave. */
    public void heartbeat(Attendance attendance) {
        runtimes.ifPresent(attendance.cid(), rt -> {
            presence.seen(rt, attendance.token());
            return null;
        });
    }

    /** The lone participant answers "Stay": the alone period starts again. */
    public void stay(Attendance attendance) {
        runtimes.ifPresent(attendance.cid(), rt -> {
            presence.stay(rt, attendance.token());
            return null;
        });
    }

    // ------------------------------------------------------------------ deadline changes and end

    /** Extends a running session by {@code seconds} (needs {@code change-max-duration}); atomic. */
    public SessionView extend(Actor actor, String type, String id, int seconds) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireCapability(actor, type, Capability.CHANGE_MAX_DURATION, "Your role may not change the call's duration");
        if (seconds < 1 || seconds > CallTypeSettings.MAX_SECONDS) {
            throw new InvalidInputException("seconds", "An extension must be between 1 and "
                    + CallTypeSettings.MAX_SECONDS + " seconds");
        }
        return onRunning(call.cid(), rt -> {
            if (rt.endsAt == null) {
                throw new RefusedException("This call has no time limit to extend");
            }
            deadlines.changeMax(rt, max -> max + seconds, actor.label(), "extended");
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
        requireCapability(actor, type, Capability.CHANGE_MAX_DURATION, "Your role may not change the call's duration");
        int limit = CallTypeSettings.MAX_SECONDS + types.get(type).maxDurationSeconds();
        if (seconds < 0 || seconds > limit) {
            throw new InvalidInputException("max_duration_seconds", "max_duration_seconds must be between 0 and " + limit);
        }
        if (call.state() != CallState.IN_PROGRESS) {
            calls.changeOverride(actor, call.cid(), seconds);
            return stored(call.cid());
        }
        return onRunning(call.cid(), rt -> {
            deadlines.changeMax(rt, max -> seconds, actor.label(), "changed");
            return viewOf(rt);
        });
    }

    /** Ends the call for everyone (needs {@code end-call}). */
    public void end(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireCapability(actor, type, Capability.END_CALL, "Your role may not end calls of this type");
        onRunning(call.cid(), rt -> {
            ending.end(rt, EndReason.ENDED_BY_USER, actor.label());
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
        throw new ConflictException("The call changed state during the request; try again");
    }

    // ------------------------------------------------------------------ internals

    /** Runs {@code action} on the call's running session (taking it over after a restart); refused when none runs. */
    private <T> T onRunning(String cid, java.util.function.Function<CallRuntime, T> action) {
        return runtimes.locked(cid, loader.takingOver(), rt -> {
            if (!rt.running()) {
                throw new RefusedException("This appointment has ended");
            }
            return action.apply(rt);
        });
    }

    private SessionView stored(String cid) {
        SessionRecord record = store.get(cid);
        return new SessionView(cid, record.state(), record.startedAt(), record.timerEndsAt(), record.maxDurationSeconds(),
                List.of(), null, null, clock.instant(), record.endReason());
    }

    private SessionView viewOf(CallRuntime rt) {
        Instant now = clock.instant();
        Integer alert = rt.endsAt == null ? null : TimerRules.mostUrgentPassed(rt.type.alertThresholdsSeconds(), rt.endsAt, now);
        return new SessionView(rt.cid, CallState.IN_PROGRESS, rt.startedAt, rt.endsAt, rt.maxDurationSeconds,
                presence.participants(rt), alert, rt.prompt, now, null);
    }

    private void requireCapability(Actor actor, String type, Capability capability, String message) {
        if (!capabilities(actor, type).contains(capability)) {
            throw new RefusedException(message);
        }
    }

    /** For tests: the call's runtime on this node, if a session runs. */
    Optional<CallRuntime> runtime(String cid) {
        return runtimes.find(cid);
    }
}
