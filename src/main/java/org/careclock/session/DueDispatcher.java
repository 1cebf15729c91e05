package org.careclock.session;

import org.careclock.call.EndReason;
import org.springframework.stereotype.Component;

/**
 * Where every due record goes. One rule decides whether it still matters — the call's runtime
 * runs and still has this very record planned in its slot ({@link CallRuntime#takeIfCurrent})
 * — then the record's action runs under the call's lock.
 */
@Component
class DueDispatcher implements TimerScheduler.Dispatcher {

    private final Runtimes runtimes;
    private final DeadlinePlanner deadlines;
    private final Presence presence;
    private final Ending ending;

    DueDispatcher(TimerScheduler scheduler, Runtimes runtimes, DeadlinePlanner deadlines, Presence presence,
                  Ending ending) {
        this.runtimes = runtimes;
        this.deadlines = deadlines;
        this.presence = presence;
        this.ending = ending;
        scheduler.dispatchTo(this);
    }

    @Override
    public void dispatch(Due due) {
        runtimes.ifPresent(due.cid(), rt -> {
            if (rt.takeIfCurrent(due)) {
                run(rt, due);
            }
            return null;
        });
    }

    private void run(CallRuntime rt, Due due) {
        switch (due) {
            case Due.DeadlineDue d -> ending.end(rt, EndReason.TIMER_EXPIRED, null);
            case Due.AlertDue alert -> deadlines.alert(alert);
            case Due.IdlePromptDue prompt -> presence.askIdle(rt, prompt);
            case Due.IdleEndDue end -> presence.idleEnd(rt);
            case Due.EmptyEndDue empty -> presence.emptyEnd(rt);
            case Due.PageLivenessDue page -> presence.checkLiveness(rt, page);
            case Due.ElsewhereLivenessDue elsewhere -> presence.checkElsewhere(rt);
        }
    }
}
