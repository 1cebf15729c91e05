package org.careclock.session;

import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Ask for more time": a participant whose role may not extend the call asks, with one click,
 * those whose role may; every page of theirs shows the request with the extension steps. Granting
 * extends the call, declining does not; either answers the asker. One pending request per person;
 * requests lapse when the session ends. Any extension while requests are pending answers them as
 * granted. Each step is a session event (audited, and carried to every node like the others).
 */
@Service
public class TimeRequests {

    private final SessionTimerService timers;
    private final CallService calls;
    private final Runtimes runtimes;
    private final DeadlinePlanner deadlines;
    private final SessionEvents events;
    private final Clock clock;

    TimeRequests(SessionTimerService timers, CallService calls, Runtimes runtimes, DeadlinePlanner deadlines,
                 SessionEvents events, Clock clock) {
        this.timers = timers;
        this.calls = calls;
        this.runtimes = runtimes;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    /** A pending request: who asks, and since when. */
    public record Request(String userId, String displayName, Instant at) {
    }

    /** The page {@code page} of {@code actor} asks for more time. */
    public void ask(Actor actor, Attendance page, String displayName) {
        if (!actor.userId().equals(page.userId())) {
            throw new RefusedException("Only the person on this page can ask for more time");
        }
        if (timers.capabilities(actor, org.careclock.call.Cid.typeOf(page.cid())).contains(Capability.CHANGE_MAX_DURATION)) {
            throw new RefusedException("You may extend the call yourself");
        }
        onRunning(page.cid(), rt -> {
            if (!rt.isLocalPage(page.token())) {
                throw new RefusedException("Join the call to ask for more time");
            }
            if (rt.endsAt == null) {
                throw new RefusedException("This call has no time limit");
            }
            if (rt.timeRequests.containsKey(actor.userId())) {
                throw new ConflictException("You have asked for more time already; please wait for the answer");
            }
            Request request = new Request(actor.userId(), displayName, clock.instant());
            rt.timeRequests.put(actor.userId(), request);
            events.publish(new SessionEvent.TimeAsked(rt.cid, request.userId(), displayName, request.at()));
        });
    }

    /**
     * Answers the pending request of {@code userId}: {@code seconds > 0} grants it by extending the
     * call that much, 0 declines it. Needs change-max-duration.
     */
    public void answer(Actor actor, String type, String id, String userId, int seconds) {
        CallDetails call = calls.getVisible(actor, type, id);
        if (!timers.capabilities(actor, type).contains(Capability.CHANGE_MAX_DURATION)) {
            throw new RefusedException("Your role may not change the call's duration");
        }
        if (seconds < 0 || seconds > CallTypeSettings.MAX_SECONDS) {
            throw new InvalidInputException("seconds", "An extension must be between 1 and "
                    + CallTypeSettings.MAX_SECONDS + " seconds");
        }
        onRunning(call.cid(), rt -> {
            if (rt.timeRequests.remove(userId) == null) {
                throw new NotFoundException("That request has been answered already");
            }
            if (seconds > 0) {
                deadlines.changeMax(rt, max -> max + seconds, actor.label(), "extended");
            }
            events.publish(new SessionEvent.TimeAnswered(rt.cid, userId, seconds > 0, seconds, actor.label(),
                    clock.instant()));
        });
    }

    /** The pending requests of the call, oldest first (a page that opens later shows them). */
    public List<Request> pending(String cid) {
        return runtimes.ifPresent(cid, rt -> List.copyOf(rt.timeRequests.values())).orElse(List.of());
    }

    /** An extension on this node answers the requests still pending, as granted. */
    @EventListener
    void on(SessionEvent.DeadlineChanged e) {
        if (e.oldEndsAt() == null || e.newEndsAt() == null || !e.newEndsAt().isAfter(e.oldEndsAt())) {
            return;
        }
        int seconds = (int) Duration.between(e.oldEndsAt(), e.newEndsAt()).toSeconds();
        runtimes.ifPresent(e.cid(), rt -> {
            List<Request> answered = new ArrayList<>(rt.timeRequests.values());
            rt.timeRequests.clear();
            answered.forEach(r -> events.publish(new SessionEvent.TimeAnswered(rt.cid, r.userId(), true, seconds,
                    e.actor(), e.at())));
            return null;
        });
    }

    private void onRunning(String cid, java.util.function.Consumer<CallRuntime> action) {
        runtimes.ifPresent(cid, rt -> {
            if (!rt.running()) {
                return null;
            }
            action.accept(rt);
            return Boolean.TRUE;
        }).orElseThrow(() -> new RefusedException("This appointment is not in progress"));
    }
}
