package org.careclock.session;

import org.careclock.base.Actor;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.calltype.Capability;
import org.careclock.user.UserService;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The waiting room and its opening times (Stream's "backstage"). With a waiting room, a call goes
 * live only when a member whose role holds {@code join-backstage} starts it: the session and its
 * timer start then, and everyone waiting is admitted at once. Until then the others wait — no
 * session, no timer, no idle prompt, no media to anyone — from the call's opening time on
 * ({@code starts_at - join_ahead_time_seconds}).
 */
@Service
public class BackstageService {

    private final CallService calls;
    private final SessionTimerService timers;
    private final UserService users;
    private final WaitingRoom room;
    private final Runtimes runtimes;
    private final SessionLoader loader;
    private final SessionEvents events;
    private final Clock clock;

    BackstageService(CallService calls, SessionTimerService timers, UserService users, WaitingRoom room,
                     Runtimes runtimes, SessionLoader loader, SessionEvents events, Clock clock) {
        this.calls = calls;
        this.timers = timers;
        this.users = users;
        this.room = room;
        this.runtimes = runtimes;
        this.loader = loader;
        this.events = events;
        this.clock = clock;
    }

    /** What a page opening a call shows its user. */
    public sealed interface Arrival {
        CallDetails call();
    }

    /** Live (or no waiting room): join the call. */
    public record Live(CallDetails call) implements Arrival {
    }

    /** Not open yet for this user: it opens at {@code opensAt}. */
    public record NotYet(CallDetails call, Instant opensAt, List<String> hosts) implements Arrival {
    }

    /** In the waiting room until someone in {@code hosts} starts the call. */
    public record InWaitingRoom(CallDetails call, WaitingTicket ticket, List<String> hosts, boolean noticed)
            implements Arrival {
    }

    /** The backstage: this user may start the call; {@code waiting} wait for it. */
    public record Hosting(CallDetails call, List<Waiting> waiting) implements Arrival {
    }

    /**
     * Where a page of {@code actor} opening the call belongs. A member without join-backstage
     * opening a call with a waiting room that is open and not live enters the waiting room (leave
     * it with {@link #leave}). Refused like a join for those who may not join or an ended call.
     */
    public Arrival arrive(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        Set<Capability> caps = timers.capabilities(actor, type);
        if (!caps.contains(Capability.JOIN_CALL)) {
            throw new RefusedException("Your role may not join calls of this type");
        }
        if (!call.backstage().enabled() || call.live()
                || (call.state() == CallState.ENDED && caps.contains(Capability.JOIN_ENDED_CALL))) {
            return new Live(call);
        }
        if (call.state() == CallState.ENDED) {
            throw new RefusedException("This appointment has ended and cannot be joined again");
        }
        if (caps.contains(Capability.JOIN_BACKSTAGE)) {
            return new Hosting(call, room.waiting(call.cid()));
        }
        List<String> hosts = hosts(call);
        Instant opensAt = call.opensAt();
        if (opensAt != null && clock.instant().isBefore(opensAt)) {
            return new NotYet(call, opensAt, hosts);
        }
        if (actor.userId() == null) {
            throw new RefusedException("Only a signed-in user can wait for a call");
        }
        WaitingTicket ticket = room.enter(call.cid(), actor.userId(), users.displayName(actor.userId()));
        boolean noticed = room.waiting(call.cid()).stream().anyMatch(w -> w.userId().equals(ticket.userId()) && w.noticed());
        return new InWaitingRoom(call, ticket, hosts, noticed);
    }

    /** The waiting page closed, or its user left: off the list at once. */
    public void leave(WaitingTicket ticket) {
        room.leave(ticket);
    }

    /** A heartbeat of a waiting page. */
    public void heartbeat(WaitingTicket ticket) {
        room.seen(ticket);
    }

    /** Who waits for the call (for those who may start it). */
    public List<Waiting> waiting(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireBackstage(actor, type);
        return room.waiting(call.cid());
    }

    /**
     * A page of someone who may start the call shows its waiting list: those waiting count as
     * noticed. Run the answer to stop watching (the page closed).
     */
    public Runnable watch(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireBackstage(actor, type);
        return room.watch(call.cid());
    }

    /**
     * Starts the call now ({@code go-live}): the session and its timer start at this instant and
     * everyone waiting is admitted. Needs join-backstage; refused on an ended or a live call. Of
     * two pressing at once, one starts the call and the other is told it is live already.
     */
    public CallDetails goLive(Actor actor, String type, String id) {
        CallDetails call = calls.getVisible(actor, type, id);
        requireBackstage(actor, type);
        if (call.state() == CallState.ENDED) {
            throw new RefusedException("This appointment has ended; it cannot be started again");
        }
        boolean[] startedHere = {false};
        runtimes.locked(call.cid(), rt -> {
            loader.starting(false, null, actor).accept(rt);
            startedHere[0] = rt.startedNow;
        }, rt -> {
            if (!startedHere[0] || !rt.running()) {
                throw new RefusedException("This appointment is live already");
            }
            List<Waiting> admitted = room.admit(rt.cid);
            events.publish(new SessionEvent.WentLive(rt.cid, rt.startedAt, actor.label(), admitted));
            return null;
        });
        return calls.getVisible(actor, type, id);
    }

    private void requireBackstage(Actor actor, String type) {
        if (!timers.capabilities(actor, type).contains(Capability.JOIN_BACKSTAGE)) {
            throw new RefusedException("Only staff who may start this appointment see its waiting room");
        }
    }

    /** The call's members who may start it: the people a waiting member waits for. */
    private List<String> hosts(CallDetails call) {
        return call.members().stream()
                .filter(m -> users.find(m).map(u -> timers.capabilities(Actor.user(u.id(), u.role()), call.type())
                        .contains(Capability.JOIN_BACKSTAGE)).orElse(false))
                .map(users::displayName).toList();
    }
}
