package org.careclock.bench;

import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.EndReason;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionTimerService;
import org.careclock.session.TimerScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.careclock.bench.BenchData.PATIENT_ACTOR;
import static org.careclock.bench.BenchData.SPECIALIST_ACTOR;

/**
 * Benchmark 1: deadline precision at scale. 10,000 sessions run at once, each with the specialist
 * and the patient present, their deadlines spread evenly over a window that opens after all of
 * them have started; the production scheduler ({@code ExecutorTimerScheduler}), the system clock
 * and a file-backed H2 database as in production. For every session: lateness = the moment its
 * end is committed (the first listener of {@code CallEnded}, which is published right after the
 * guarded end's transaction commits) minus its deadline; early ends, missed ends, and the CPU the
 * process uses while nothing is due.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=DeadlinePrecisionBenchmark}
 * (options: {@code -Dbench.sessions=10000 -Dbench.lead=150 -Dbench.window=120}, seconds;
 * {@code -Dbench.db=JDBC-URL} for another database).
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "spring.datasource.url=${bench.db:jdbc:h2:file:./target/bench-db/precision-${random.uuid}}",
        "careclock.session.presence-timeout=6h", "logging.level.root=warn", "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
@Import(DeadlinePrecisionBenchmark.EndProbe.class)
class DeadlinePrecisionBenchmark {

    /** Notes when each end was committed: runs first among the listeners of {@code CallEnded}. */
    static class EndProbe {
        record Ended(Instant committedBy, Instant at, EndReason reason) {
        }

        final Map<String, Ended> ends = new ConcurrentHashMap<>();

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(SessionEvent.CallEnded e) {
            ends.putIfAbsent(e.cid(), new Ended(Instant.now(), e.at(), e.reason()));
        }
    }

    @Autowired Clock clock;
    @Autowired SessionTimerService timers;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired CallSessionStore store;
    @Autowired TimerScheduler scheduler;
    @Autowired EndProbe probe;

    @Test
    void ten_thousand_sessions_end_on_time() {
        int n = BenchReport.intProperty("bench.sessions", 10_000);
        int lead = BenchReport.intProperty("bench.lead", 150);
        int window = BenchReport.intProperty("bench.window", 120);
        BenchReport report = new BenchReport("deadline-precision");
        SchedulerProbe queue = new SchedulerProbe(scheduler);
        BenchData data = new BenchData(types, calls);
        // alerts 20 s and 10 s before each end keep the scheduler as busy as real calls do (and stay out of the idle window)
        String type = data.callType(3600, List.of(20, 10), 180, 60, 300);
        report.line("application clock: %s", clock);
        report.line("%d sessions, deadlines spread evenly over %d s starting %d s after the first join; "
                + "scheduler threads %d; alerts at 20 s and 10 s", n, window, lead, queue.poolSize());

        long created = System.nanoTime();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(data.call(type));
        }
        report.line("created %d appointments in %.1f s", n, (System.nanoTime() - created) / 1e9);

        Instant t0 = Instant.now();
        long joinStart = System.nanoTime();
        Instant[] deadlines = new Instant[n];
        for (int i = 0; i < n; i++) {
            Instant target = t0.plusSeconds(lead).plusNanos((long) (window * 1e9 * i / n));
            long seconds = Math.max(1, (long) Math.ceil(Duration.between(Instant.now(), target).toNanos() / 1e9));
            SessionTimerService.Joined joined = timers.join(SPECIALIST_ACTOR, type, ids.get(i), (int) seconds);
            timers.join(PATIENT_ACTOR, type, ids.get(i), null);
            deadlines[i] = joined.session().timerEndsAt();
        }
        Instant setupDone = Instant.now();
        long setupNanos = System.nanoTime();
        Instant first = deadlines[0];
        Instant last = deadlines[0];
        for (Instant d : deadlines) {
            first = d.isBefore(first) ? d : first;
            last = d.isAfter(last) ? d : last;
        }
        long dueDuringSetup = java.util.Arrays.stream(deadlines).filter(d -> d.isBefore(setupDone)).count();
        report.line("started %d sessions (%d joins) in %.1f s (%s); %d running, %d timer tasks queued; "
                        + "first deadline %.1f s after setup, %d deadlines fell during setup",
                n, 2 * n, (setupNanos - joinStart) / 1e9, BenchReport.load(), timers.runningSessions(), queue.pending(),
                Duration.between(setupDone, first).toMillis() / 1e3, dueDuringSetup);

        // CPU while waiting: from 3 s after setup until 1 s before the first alert
        long idleFrom = setupNanos + 3_000_000_000L;
        long idleUntil = setupNanos + Duration.between(setupDone, first).toNanos() - 21_000_000_000L;
        if (idleUntil > idleFrom + 1_000_000_000L) {
            Cpu.awaitNanoTime(idleFrom);
            long cpu = Cpu.processNanos();
            long timerCpu = Cpu.threadsNanos("careclock-timer");
            long[] gc = Cpu.gc();
            Cpu.awaitNanoTime(idleUntil);
            double wall = (idleUntil - idleFrom) / 1e9;
            long[] gc2 = Cpu.gc();
            report.line("waiting %.1f s with %d sessions and %d queued tasks: process CPU %.1f ms/s (%.2f %% of one core), "
                            + "timer threads %.3f ms/s, %d GCs (%d ms) (%s)", wall, timers.runningSessions(), queue.pending(),
                    (Cpu.processNanos() - cpu) / 1e6 / wall, (Cpu.processNanos() - cpu) / 1e7 / wall,
                    (Cpu.threadsNanos("careclock-timer") - timerCpu) / 1e6 / wall, gc2[0] - gc[0], gc2[1] - gc[1],
                    BenchReport.load());
        }

        // control: a no-op task on a plain scheduled executor every 50 ms through the window, late by what the machine adds
        List<Double> control = Collections.synchronizedList(new ArrayList<>());
        ScheduledThreadPoolExecutor controlExecutor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bench-control");
            t.setDaemon(true);
            return t;
        });
        for (Instant at = first; at.isBefore(last); at = at.plusMillis(50)) {
            Instant due = at;
            controlExecutor.schedule(() -> control.add(Duration.between(due, Instant.now()).toNanos() / 1e6),
                    Duration.between(Instant.now(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        long endsFrom = System.nanoTime();
        long cpu = Cpu.processNanos();
        long timerCpu = Cpu.threadsNanos("careclock-timer");
        long[] gc = Cpu.gc();
        long giveUp = setupNanos + Duration.between(setupDone, last).toNanos() + 30_000_000_000L;
        while (probe.ends.size() < n && System.nanoTime() < giveUp) {
            Cpu.awaitNanoTime(System.nanoTime() + 100_000_000L);
        }
        double endsWall = (System.nanoTime() - endsFrom) / 1e9;
        double endsCpu = (Cpu.processNanos() - cpu) / 1e6;
        double endsTimerCpu = (Cpu.threadsNanos("careclock-timer") - timerCpu) / 1e6;
        long[] gc2 = Cpu.gc();

        List<Double> committed = new ArrayList<>();
        List<Double> fired = new ArrayList<>();
        int early = 0;
        int missed = 0;
        int otherReason = 0;
        int overOneSecond = 0;
        for (int i = 0; i < n; i++) {
            EndProbe.Ended e = probe.ends.get(type + ":" + ids.get(i));
            if (e == null) {
                missed++;
                continue;
            }
            if (e.reason() != EndReason.TIMER_EXPIRED) {
                otherReason++;
            }
            double late = Duration.between(deadlines[i], e.committedBy()).toNanos() / 1e6;
            double firedLate = Duration.between(deadlines[i], e.at()).toNanos() / 1e6;
            if (late < 0 || firedLate < 0) {
                early++;
            }
            if (late > 1000) {
                overOneSecond++;
            }
            committed.add(late);
            fired.add(firedLate);
        }
        int stillRunning = (int) store.running().stream().filter(r -> r.cid().startsWith(type + ":")).count();
        // are the late ends spread out, or bunched around a few moments (a stall of the machine, the database, a GC)?
        List<Instant> lateOnes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EndProbe.Ended e = probe.ends.get(type + ":" + ids.get(i));
            if (e != null && Duration.between(deadlines[i], e.committedBy()).toMillis() > 10) {
                lateOnes.add(deadlines[i]);
            }
        }
        lateOnes.sort(null);
        List<String> bunches = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lateOnes.size(); i++) {
            if (i == lateOnes.size() || Duration.between(lateOnes.get(i - 1), lateOnes.get(i)).toMillis() > 1000) {
                bunches.add((i - start) + " ends due within "
                        + Duration.between(lateOnes.get(start), lateOnes.get(i - 1)).toMillis() + " ms");
                start = i;
            }
        }
        int precise = 0;
        for (int i = 0; i < n; i++) {
            if (deadlines[i].getNano() % 1000 != 0) {
                precise++;
            }
        }
        report.line("ending phase %.1f s: process CPU %.0f ms (%.1f %% of one core), timer threads %.0f ms "
                        + "(%.0f µs per end), %d GCs (%d ms) (%s)", endsWall, endsCpu, endsCpu / 10 / endsWall, endsTimerCpu,
                endsTimerCpu * 1000 / Math.max(1, committed.size()), gc2[0] - gc[0], gc2[1] - gc[1], BenchReport.load());
        report.line("lateness, end committed - deadline: %s", Stats.of(committed).format("ms"));
        report.line("lateness, end started (timer fired) - deadline: %s", Stats.of(fired).format("ms"));
        report.line("control, a no-op task on a plain executor every 50 ms meanwhile: %s", Stats.of(new ArrayList<>(control)).format("ms"));
        controlExecutor.shutdownNow();
        report.line("early ends: %d · missed (no end %d s after the last deadline): %d · ended for another reason: %d · "
                        + "later than 1 s: %d · sessions still running in the database: %d · runtimes left: %d · tasks queued: %d",
                early, 30, missed, otherReason, overOneSecond, stillRunning, timers.runningSessions(), queue.pending());
        report.line("ends later than 10 ms: %d, in %d bunches: %s", lateOnes.size(), bunches.size(),
                bunches.size() > 12 ? bunches.subList(0, 12) + " …" : bunches);
        report.line("deadlines with sub-microsecond digits (the clock's precision is finer than the database's "
                + "timestamp(6)): %d of %d", precise, n);
        report.save();
    }
}
