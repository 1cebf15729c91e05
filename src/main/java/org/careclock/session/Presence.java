package org.careclock.session;

import org.careclock.call.CallSessionStore;
import org.careclock.call.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

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
    private final SharedAttendance shared;

    Presence(CallSessionStore store, SessionEvents events, TimerScheduler scheduler, Ending ending, Clock clock,
             SessionProperties properties, SharedAttendance shared) {
        this.store = store;
        this.events = events;
        this.scheduler = scheduler;
        this.ending = ending;
        this.clock = clock;
        this.properties = properties;
        this.shared = shared;
    }

    /**
     * Opens a page of {@code who}, which may send what the role's grants allow; the user becomes
     * present if this is their first page, and the newest page carries their media.
     */
    Attendance addPage(CallRuntime rt, Participant who, boolean mayAudio, boolean mayVideo) {
        Instant now = clock.instant();
        Attendance attendance = new Attendance(shared.nextToken(), rt.cid, who.userId());
        CallRuntime.Page page = new CallRuntime.Page(attendance, now, mayAudio, mayVideo, true);
        shared.opened(page, who.displayName());
        planLiveness(rt, attendance.token(), TimerRules.goneAt(now, properties.presenceTimeout()));
        enter(rt, page, who.displayName(), true);
        return attendance;
    }

    /** Closes a page of this node; its user leaves when it was their last one (on every node). */
    void removePage(CallRuntime rt, long token) {
        CallRuntime.Page page = rt.pages.get(token);
        if (page == null || !page.local || !rt.running()) {
            return;
        }
        rt.unplan(Due.PageLivenessDue.slotOf(token));
        shared.closed(token);
        leave(rt, token, true);
    }

    /**
     * Adds a page to the call's presence. {@code announce}: publish what changed (this node made
     * the change); a page mirrored from another node was announced by that node.
     */
    private void enter(CallRuntime rt, CallRuntime.Page page, String displayName, boolean announce) {
        long token = page.attendance.token();
        String userId = page.attendance.userId();
        rt.pages.put(token, page);
        int before = rt.pagesByUser.getOrDefault(userId, 0);
        rt.pagesByUser.put(userId, before + 1);
        Long media = rt.mediaPages.get(userId);
        boolean newMedia = media == null || media < token;
        if (newMedia) {
            rt.mediaPages.put(userId, token);
        }
        if (before == 0) {
            rt.names.put(userId, displayName);
            changed(rt, clock.instant(), announce);
        }
        if (announce && newMedia) {
            peersChanged(rt);
        }
    }

    /** Takes a page out of the call's presence; see {@link #enter} for {@code announce}. */
    private void leave(CallRuntime rt, long token, boolean announce) {
        CallRuntime.Page page = rt.pages.remove(token);
        if (page == null) {
            return;
        }
        String userId = page.attendance.userId();
        boolean carriedMedia = Long.valueOf(token).equals(rt.mediaPages.get(userId));
        int left = rt.pagesByUser.getOrDefault(userId, 1) - 1;
        if (left > 0) {
            rt.pagesByUser.put(userId, left);
            if (carriedMedia) {
                rt.pages.values().stream().map(p -> p.attendance).filter(a -> a.userId().equals(userId))
                        .mapToLong(Attendance::token).max().ifPresent(newest -> rt.mediaPages.put(userId, newest));
                if (announce) {
                    peersChanged(rt);
                }
            }
            return;
        }
        rt.pagesByUser.remove(userId);
        rt.names.remove(userId);
        rt.mediaPages.remove(userId);
        changed(rt, clock.instant(), announce);
        if (announce) {
            peersChanged(rt);
        }
    }

    /**
     * Mirrors the call's pages on other nodes from the database: adds the new ones, drops the
     * closed ones, takes their camera and microphone switches, and re-plans alone, idle and empty
     * from every node's pages. {@code announce}: publish the changes (this node found them, say a
     * dead node's pages expiring); after another node's event, that node has announced them.
     */
    void mirror(CallRuntime rt, boolean announce) {
        if (!rt.running()) {
            return;
        }
        Instant now = clock.instant();
        List<SharedAttendance.PageElsewhere> rows = shared.elsewhere(rt.cid, now.minus(properties.presenceTimeout()));
        Set<Long> there = new HashSet<>();
        boolean switched = false;
        for (SharedAttendance.PageElsewhere row : rows) {
            there.add(row.token());
            CallRuntime.Page known = rt.pages.get(row.token());
            if (known == null) {
                CallRuntime.Page page = new CallRuntime.Page(new Attendance(row.token(), rt.cid, row.userId()),
                        row.lastSeen(), row.mayAudio(), row.mayVideo(), false);
                page.audioOn = row.audioOn();
                page.videoOn = row.videoOn();
                enter(rt, page, row.displayName(), announce);
            } else if (!known.local) {
                known.lastSeen = row.lastSeen();
                switched |= known.audioOn != row.audioOn() || known.videoOn != row.videoOn();
                known.audioOn = row.audioOn();
                known.videoOn = row.videoOn();
            }
        }
        rt.pages.values().stream().filter(p -> !p.local && !there.contains(p.attendance.token()))
                .map(p -> p.attendance.token()).toList()
                .forEach(token -> leave(rt, token, announce));
        if (announce && switched) {
            peersChanged(rt);
        }
        rows.stream().map(SharedAttendance.PageElsewhere::lastSeen).min(Instant::compareTo).ifPresentOrElse(
                oldest -> rt.plan(new Due.ElsewhereLivenessDue(rt.cid, rt.startedAt,
                        TimerRules.goneAt(oldest, properties.presenceTimeout())), scheduler),
                () -> rt.unplan("elsewhere"));
    }

    /** The oldest heartbeat of another node's page is due to expire: a dead node's pages leave, and this node says so. */
    void checkElsewhere(CallRuntime rt) {
        Instant aliveSince = clock.instant().minus(properties.presenceTimeout());
        int gone = shared.expire(rt.cid, aliveSince);
        if (gone > 0) {
            log.info("{} page(s) of {} on another node sent no heartbeat for {}; taking them as gone",
                    gone, rt.cid, properties.presenceTimeout());
        }
        mirror(rt, true);
    }

    /** A heartbeat of the page {@code token}. */
    void seen(CallRuntime rt, long token) {
        CallRuntime.Page page = rt.pages.get(token);
        if (page != null && page.local) {
            page.lastSeen = clock.instant();
            shared.seen(token, page.lastSeen);
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
        if (!rt.running() || !rt.isLocalPage(token)) {
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
            changed(rt, clock.instant(), true);
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

    /** This node's page switched its camera or microphone: every node's pages hear it. */
    void switched(CallRuntime rt, CallRuntime.Page page) {
        shared.switched(page);
        peersChanged(rt);
    }

    private void peersChanged(CallRuntime rt) {
        events.publish(new SessionEvent.PeersChanged(rt.cid, peers(rt)));
    }

    List<Participant> participants(CallRuntime rt) {
        return rt.pagesByUser.keySet().stream()
                .map(id -> new Participant(id, rt.names.getOrDefault(id, id))).toList();
    }

    /** Presence moved: publish it ({@code announce}) and re-plan the alone (idle) and empty timers. */
    private void changed(CallRuntime rt, Instant now, boolean announce) {
        if (announce) {
            events.publish(new SessionEvent.PresenceChanged(rt.cid, participants(rt)));
        }
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

    /**
     * The lone participant's alone period starts. The node that serves their media page asks
     * them (one prompt, whichever nodes run the call).
     */
    private void startAlonePeriod(CallRuntime rt, Instant now) {
        rt.aloneSince = now;
        rt.unplan("idle");
        rt.prompt = null;
        String alone = rt.pagesByUser.keySet().iterator().next();
        if (rt.idleEnabled() && rt.isLocalPage(rt.mediaPages.get(alone))) {
            rt.plan(new Due.IdlePromptDue(rt.cid, rt.startedAt, now,
                    TimerRules.idlePromptAt(now, rt.type.idleTimeoutSeconds(), rt.type.idlePromptSeconds())), scheduler);
        }
    }

    private void planLiveness(CallRuntime rt, long token, Instant at) {
        rt.plan(new Due.PageLivenessDue(rt.cid, rt.startedAt, token, at), scheduler);
    }
}
