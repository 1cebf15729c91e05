package org.careclock.session;

import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.calltype.CallTypeService;
import org.careclock.testing.VirtualScheduler;
import org.careclock.user.UserService;

import java.time.Clock;
import java.time.Duration;

/**
 * A second, independent session timer on the same database and event path, with its own
 * scheduler and runtimes: what a restarted process (or a node with other settings) has.
 */
record TimerAssembly(SessionTimerService timers, SessionLoader loader) {

    static TimerAssembly of(CallService calls, CallSessionStore store, CallTypeService types, UserService users,
                            SessionEvents events, VirtualScheduler scheduler, Clock clock, Duration presenceTimeout) {
        Runtimes runtimes = new Runtimes();
        Ending ending = new Ending(store, events, runtimes, clock, Backstop.NONE);
        DeadlinePlanner deadlines = new DeadlinePlanner(store, events, scheduler, clock, Backstop.NONE);
        SessionProperties properties = new SessionProperties(presenceTimeout);
        NodeAttendance attendance = new NodeAttendance();
        Presence presence = new Presence(store, events, scheduler, ending, clock, properties, attendance);
        SessionLoader loader = new SessionLoader(store, events, runtimes, deadlines, presence, ending, clock, attendance,
                properties, Backstop.NONE);
        new DueDispatcher(scheduler, runtimes, deadlines, presence, ending);
        SessionTimerService timers = new SessionTimerService(calls, store, types, users, events, clock, runtimes, loader,
                presence, deadlines, ending);
        return new TimerAssembly(timers, loader);
    }
}
