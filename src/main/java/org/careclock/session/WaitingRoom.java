package org.careclock.session;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The waiting rooms of calls that are not live yet: who waits (each user once, since their first
 * open waiting page), whether someone who may start the call has seen them, and which staff
 * pages are watching. No session, no timer: a waiting room holds no scheduled work. A waiting
 * page that stops sending heartbeats is dropped at the next heartbeat of any page of that room
 * after the presence timeout. Each room is guarded by its own monitor; taken after a call's lock
 * when a go-live admits the room, never before one (docs/design.md, "Locks").
 */
@Component
class WaitingRoom {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final SessionEvents events;
    private final Clock clock;
    private final SessionProperties properties;

    WaitingRoom(SessionEvents events, Clock clock, SessionProperties properties) {
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    private static final class Room {
        final Map<Long, Page> pages = new LinkedHashMap<>();
        /** When staff first watched while each user waited. */
        final Map<String, Instant> noticed = new LinkedHashMap<>();
        int watchers;
    }

    private static final class Page {
        final WaitingTicket ticket;
        final String displayName;
        final Instant since;
        Instant lastSeen;

        Page(WaitingTicket ticket, String displayName, Instant since) {
            this.ticket = ticket;
            this.displayName = displayName;
            this.since = since;
            this.lastSeen = since;
        }
    }

    WaitingTicket enter(String cid, String userId, String displayName) {
        Room room = rooms.computeIfAbsent(cid, c -> new Room());
        synchronized (room) {
            WaitingTicket ticket = new WaitingTicket(tokens.incrementAndGet(), cid, userId);
            room.pages.put(ticket.token(), new Page(ticket, displayName, clock.instant()));
            if (room.watchers > 0) {
                room.noticed.putIfAbsent(userId, clock.instant());
            }
            changed(cid, room);
            return ticket;
        }
    }

    void leave(WaitingTicket ticket) {
        Room room = rooms.get(ticket.cid());
        if (room == null) {
            return;
        }
        synchronized (room) {
            if (room.pages.remove(ticket.token()) != null) {
                forgetIfGone(room, ticket.userId());
                changed(ticket.cid(), room);
            }
        }
    }

    /** A heartbeat of a waiting page: it stays; pages silent for the presence timeout go. */
    void seen(WaitingTicket ticket) {
        Room room = rooms.get(ticket.cid());
        if (room == null) {
            return;
        }
        synchronized (room) {
            Page page = room.pages.get(ticket.token());
            if (page != null) {
                page.lastSeen = clock.instant();
            }
            prune(ticket.cid(), room);
        }
    }

    /** A page of someone who may start the call shows the waiting list; closing it ends the watch. */
    Runnable watch(String cid) {
        Room room = rooms.computeIfAbsent(cid, c -> new Room());
        synchronized (room) {
            room.watchers++;
            boolean newlyNoticed = false;
            for (Page page : room.pages.values()) {
                newlyNoticed |= room.noticed.putIfAbsent(page.ticket.userId(), clock.instant()) == null;
            }
            prune(cid, room);
            if (newlyNoticed) {
                changed(cid, room);
            }
        }
        return () -> {
            synchronized (room) {
                room.watchers--;
            }
        };
    }

    List<Waiting> waiting(String cid) {
        Room room = rooms.get(cid);
        if (room == null) {
            return List.of();
        }
        synchronized (room) {
            return list(room);
        }
    }

    /** The call went live: everyone waiting is admitted; the room empties. */
    List<Waiting> admit(String cid) {
        Room room = rooms.get(cid);
        if (room == null) {
            return List.of();
        }
        synchronized (room) {
            List<Waiting> admitted = list(room);
            room.pages.clear();
            room.noticed.clear();
            return admitted;
        }
    }

    private void prune(String cid, Room room) {
        Instant cutoff = clock.instant().minus(properties.presenceTimeout());
        List<Page> gone = room.pages.values().stream().filter(p -> !p.lastSeen.isAfter(cutoff)).toList();
        gone.forEach(p -> {
            room.pages.remove(p.ticket.token());
            forgetIfGone(room, p.ticket.userId());
        });
        if (!gone.isEmpty()) {
            changed(cid, room);
        }
    }

    private static void forgetIfGone(Room room, String userId) {
        if (room.pages.values().stream().noneMatch(p -> p.ticket.userId().equals(userId))) {
            room.noticed.remove(userId);
        }
    }

    /** Each waiting user once, with their earliest page; the longest waiting first. */
    private static List<Waiting> list(Room room) {
        Map<String, Waiting> byUser = new LinkedHashMap<>();
        for (Page page : room.pages.values()) {
            String userId = page.ticket.userId();
            Waiting before = byUser.get(userId);
            if (before == null || page.since.isBefore(before.since())) {
                byUser.put(userId, new Waiting(userId, page.displayName, page.since, room.noticed.containsKey(userId)));
            }
        }
        List<Waiting> out = new ArrayList<>(byUser.values());
        out.sort(Comparator.comparing(Waiting::since));
        return out;
    }

    private void changed(String cid, Room room) {
        events.publish(new SessionEvent.WaitingChanged(cid, list(room)));
    }
}
