package org.careclock.session;

import org.careclock.call.CallSessionStore;
import org.careclock.call.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is present in a running session, and what follows from it: each open page (with its
 * liveness check), each user counted once, the alone period with its stay-or-leave prompt,
 * and the empty timeout. Every method runs under the call's lock.
 */
@Component
class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final CallSessionStore store;
    private final SessionEvents events;
    private final TimerScheduler scheduler;
    private final Ending ending;
    private final Clock clock;
    private final SessionProperties properties;
    private final AtomicLong tokens = new AtomicLong();

    Presence(CallSessionStore store, SessionEvents events, TimerScheduler scheduler, Ending ending, Clock clock,
             SessionProperties properties) {
        this.store = store;
        this.events = events;
        this.scheduler = scheduler;
        this.ending = ending;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Opens a page of {@code who}, which may send what the role's grants allow; the user becomes
     * present if this is their first page, and the newest page carries their media.
     */
    Attendance addPage(CallRuntime rt, Participant who, boolean mayAudio, boolean mayVideo) {
        Instant now = clock.instant();
        Attendance attendance = new Attendance(tokens.incrementAndGet(), rt.cid, who.userId());
        rt.pages.put(attendance.token(), new CallRuntime.Page(attendance, now, mayAudio, mayVideo));
        planLiveness(rt, attendance.token(), TimerRules.goneAt(now, properties.presenceTimeout()));
        int before = rt.pagesByUser.getOrDefault(who.userId(), 0);
        rt.pagesByUser.put(who.userId(), before + 1);
        rt.mediaPages.put(who.userId(), attendance.token());
        if (before == 0) {
            rt.names.put(who.userId(), who.displayName());
            changed(rt, now);
        }
        peersChanged(rt);
        return attendance;
    }

    /** Closes a page; its user leaves when it was their last one. */
    void removePage(CallRuntime rt, long token) {
        CallRuntime.Page page = rt.pages.remove(token);
        if (page == null || !rt.running()) {
            return;
        }
        rt.unplan(Due.PageLivenessDue.slotOf(token));
        String userId = page.attendance.userId();
        boolean carriedMedia = Long.valueOf(token).equals(rt.mediaPages.get(userId));
        int left = rt.pagesByUser.getOrDefault(userId, 1) - 1;
        if (left > 0) {
            rt.pagesByUser.put(userId, left);
            if (carriedMedia) {
                rt.pages.values().stream().map(p -> p.attendance).filter(a -> a.userId().equals(userId))
                        .mapToLong(Attendance::token).max().ifPresent(newest -> rt.mediaPages.put(userId, newest));
                peersChanged(rt);
            }
            return;
        }
        rt.pagesByUser.remove(userId);
        rt.names.remove(userId);
        rt.mediaPages.remove(userId);
        changed(rt, clock.instant());
        peersChanged(rt);
    }

    /** A heartbeat of the page {@code token}. */
    void seen(CallRuntime rt, long token) {
        CallRuntime.Page page = rt.pages.get(token);
        if (page != null) {
            page.lastSeen = clock.instant();
        }
    }

    /** The liveness check of a page is due: gone without a heartbeat for the presence timeout, else checked again. */
    void checkLiveness(CallRuntime rt, Due.PageLivenessDue due) {
        CallRuntime.Page page = rt.pages.get(due.pageToken());
        if (page == null) {
            return;
        }
        Instant goneAt = TimerRules.goneAt(page.lastSeen, properties.presenceTimeout());
        if (goneAt.isAfter(clock.instant())) {
            planLiveness(rt, due.pageToken(), goneAt);
            return;
        }
        log.info("A page of {} in {} sent no heartbeat for {}; taking it as gone",
                page.attendance.userId(), rt.cid, properties.presenceTimeout());
        removePage(rt, due.pageToken());
    }

    /** The lone participant answers "Stay": the alone period starts again. */
    void stay(CallRuntime rt, long token) {
        if (!rt.running() || !rt.pages.containsKey(token)) {
            return;
        }
        cancelIdle(rt);
        if (rt.presentCount() == 1) {
            startAlonePeriod(rt, clock.instant());
        }
    }

    /** The alone period ran out: the lone participant is asked, and the call ends without an answer. */
    void askIdle(CallRuntime rt, Due.IdlePromptDue due) {
        if (rt.presentCount() != 1) {
            return;
        }
        String alone = rt.pagesByUser.keySet().iterator().next();
        Instant answerBy = clock.instant().plusSeconds(rt.type.idlePromptSeconds());
        rt.prompt = new SessionView.IdlePrompt(alone, answerBy);
        rt.plan(new Due.IdleEndDue(rt.cid, rt.startedAt, alone, answerBy), scheduler);
        events.publish(new SessionEvent.IdlePromptShown(rt.cid, alone, answerBy));
    }

    /** Nobody answered the prompt. */
    void idleEnd(CallRuntime rt) {
        ending.end(rt, EndReason.IDLE_TIMEOUT, null);
    }

    /** Nobody came back within the empty timeout. */
    void emptyEnd(CallRuntime rt) {
        ending.end(rt, EndReason.EMPTY_TIMEOUT, null);
    }

    /** After a restart: a session nobody is in counts as empty from when it became so, or from now. */
    void recovered(CallRuntime rt) {
        if (rt.running() && rt.pages.isEmpty() && rt.planned("empty") == null) {
            changed(rt, clock.instant());
        }
    }

    /** The media pages of the present users, with what each sends now. */
    List<Peer> peers(CallRuntime rt) {
        return rt.mediaPages.entrySet().stream().map(e -> {
            CallRuntime.Page page = rt.pages.get(e.getValue());
            return new Peer(e.getKey(), rt.names.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
                    page.mayAudio && page.audioOn, page.mayVideo && page.videoOn);
        }).toList();
    }

    void peersChanged(CallRuntime rt) {
        events.publish(new SessionEvent.PeersChanged(rt.cid, peers(rt)));
    }

    List<Participant> participants(CallRuntime rt) {
        return rt.pagesByUser.keySet().stream()
                .map(id -> new Participant(id, rt.names.getOrDefault(id, id))).toList();
    }

    /** Presence moved: publish it and re-plan the alone (idle) and empty timers. */
    private void changed(CallRuntime rt, Instant now) {
        events.publish(new SessionEvent.PresenceChanged(rt.cid, participants(rt)));
        int n = rt.presentCount();
        if (n == 0) {
            cancelIdle(rt);
            rt.aloneSince = null;
            if (rt.planned("empty") == null) {
                Instant since = rt.emptySince != null ? rt.emptySince : now;
                rt.emptySince = since;
                store.markEmpty(rt.cid, since);
                rt.plan(new Due.EmptyEndDue(rt.cid, rt.startedAt, since,
                        since.plusSeconds(rt.type.emptyTimeoutSeconds())), scheduler);
            }
            return;
        }
        if (rt.planned("empty") != null || rt.emptySince != null) {
            rt.unplan("empty");
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
        rt.unplan("idle");
        rt.prompt = null;
        if (prompted) {
            events.publish(new SessionEvent.IdlePromptCancelled(rt.cid));
        }
    }

    private void startAlonePeriod(CallRuntime rt, Instant now) {
        rt.aloneSince = now;
        rt.unplan("idle");
        rt.prompt = null;
        if (rt.idleEnabled()) {
            rt.plan(new Due.IdlePromptDue(rt.cid, rt.startedAt, now,
                    TimerRules.idlePromptAt(now, rt.type.idleTimeoutSeconds(), rt.type.idlePromptSeconds())), scheduler);
        }
    }

    private void planLiveness(CallRuntime rt, long token, Instant at) {
        rt.plan(new Due.PageLivenessDue(rt.cid, rt.startedAt, token, at), scheduler);
    }
}
