package org.careclock.bench;

import org.careclock.call.CallService;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.careclock.bench.BenchData.PATIENT;
import static org.careclock.bench.BenchData.SPECIALIST;
import static org.careclock.bench.BenchData.SPECIALIST_ACTOR;

/**
 * Benchmark 2, in-process: from an extension to the new deadline applied and its push message
 * encoded in every open page of the call, for 2 and 10 pages per call, alone and beside 1,000
 * other running calls with two open pages each (quiet, then with extensions in those calls at a
 * steady rate). Real clock, real scheduler, the test profile's in-memory H2, real Vaadin sessions
 * and UIs without a network ({@link BenchPages}).
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=FanOutBenchmark}
 * (options: {@code -Dbench.reps=300 -Dbench.calls=1000 -Dbench.busyRate=50}).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"careclock.session.presence-timeout=6h", "logging.level.root=warn",
        "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
@Import(FanOutBenchmark.EventProbe.class)
class FanOutBenchmark {

    /** Notes when the application's listeners (the audit log) hear a deadline change: before or after the pages. */
    static class EventProbe {
        volatile String cid = "";
        volatile long publishedAt;

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(SessionEvent.DeadlineChanged e) {
            if (cid.equals(e.cid())) {
                publishedAt = System.nanoTime();
            }
        }
    }

    @Autowired EventProbe eventProbe;

    @Autowired ApplicationContext context;
    @Autowired SessionTimerService timers;
    @Autowired SessionEvents events;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

    private BenchPages pages;
    private BenchData data;
    private String type;

    @Test
    void extension_reaches_every_page_in_process() {
        int reps = BenchReport.intProperty("bench.reps", 300);
        int warmup = BenchReport.intProperty("bench.warmup", 100);
        int background = BenchReport.intProperty("bench.calls", 1000);
        int busyRate = BenchReport.intProperty("bench.busyRate", 50);
        BenchReport report = new BenchReport("fan-out-in-process");
        pages = new BenchPages(context);
        data = new BenchData(types, calls);
        type = data.callType(3600, List.of(600, 300), 180, 60, 300);

        report.line("%d extensions per case after %d warm-up ones; one extension every 20 ms at most", reps, warmup);
        warmUp(report, warmup);
        measure(report, "alone", 2, reps, warmup);
        measure(report, "alone", 10, reps, warmup);

        long setup = System.nanoTime();
        List<String> others = new ArrayList<>();
        List<BenchPages.Page> otherPages = new ArrayList<>();
        for (int i = 0; i < background; i++) {
            String id = data.call(type);
            others.add(id);
            otherPages.add(pages.open(SPECIALIST, BenchData.path(type, id)));
            otherPages.add(pages.open(PATIENT, BenchData.path(type, id)));
        }
        report.line("opened %d other calls with %d pages in %.1f s (%s)", background, otherPages.size(),
                (System.nanoTime() - setup) / 1e9, BenchReport.load());
        measure(report, "with " + background + " quiet calls", 2, reps, warmup);
        measure(report, "with " + background + " quiet calls", 10, reps, warmup);

        if (busyRate > 0 && !others.isEmpty()) {
            AtomicBoolean running = new AtomicBoolean(true);
            Thread busy = Thread.ofPlatform().name("bench-background-extensions").start(() -> {
                long period = 1_000_000_000L / busyRate;
                long next = System.nanoTime();
                while (running.get()) {
                    String id = others.get(ThreadLocalRandom.current().nextInt(others.size()));
                    try {
                        timers.extend(SPECIALIST_ACTOR, type, id, 1);
                    } catch (RuntimeException e) {
                        // a call at its limit: take another next time
                    }
                    next += period;
                    Cpu.awaitNanoTime(next);
                }
            });
            String label = "with " + background + " calls, " + busyRate + " extensions/s among them";
            measure(report, label, 2, reps, warmup);
            measure(report, label, 10, reps, warmup);
            running.set(false);
            try {
                busy.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        otherPages.forEach(pages::close);
        measure(report, "alone again, after the others closed", 2, reps, warmup);
        measure(report, "alone again, after the others closed", 10, reps, warmup);
        statementsPerExtension(report);
        report.save();
    }

    /** Compiles the whole path first: 10 pages, 5 × {@code warmup} extensions, not measured. */
    private void warmUp(BenchReport report, int warmup) {
        long t0 = System.nanoTime();
        String id = data.call(type);
        List<BenchPages.Page> open = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            open.add(pages.open(k % 2 == 0 ? SPECIALIST : PATIENT, BenchData.path(type, id)));
        }
        for (int r = 0; r < 5 * warmup; r++) {
            open.forEach(BenchPages::dismissNotifications);
            timers.extend(SPECIALIST_ACTOR, type, id, 60);
        }
        open.forEach(pages::close);
        report.line("warm-up: %d extensions to 10 pages in %.1f s", 5 * warmup, (System.nanoTime() - t0) / 1e9);
    }

    /** SQL statements one extension sends (Hibernate's statistics, switched on for this count only). */
    private void statementsPerExtension(BenchReport report) {
        String id = data.call(type);
        timers.join(SPECIALIST_ACTOR, type, id, null);
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        int n = 20;
        for (int i = 0; i < n; i++) {
            timers.extend(SPECIALIST_ACTOR, type, id, 60);
        }
        report.line("one extension: %.1f SQL statements, %.1f transactions, %.1f entity loads, %.1f collection loads",
                statistics.getPrepareStatementCount() / (double) n, statistics.getTransactionCount() / (double) n,
                statistics.getEntityLoadCount() / (double) n, statistics.getCollectionLoadCount() / (double) n);
        statistics.setStatisticsEnabled(false);
    }

    private void measure(BenchReport report, String label, int perCall, int reps, int warmup) {
        String id = data.call(type);
        String cid = type + ":" + id;
        eventProbe.cid = cid;
        long[] toPagesAt = new long[1];
        SessionEvents.Subscription probe = events.subscribe(cid, e -> {
            if (e instanceof SessionEvent.DeadlineChanged) {
                toPagesAt[0] = System.nanoTime();
            }
        });
        List<BenchPages.Page> open = new ArrayList<>();
        for (int k = 0; k < perCall; k++) {
            open.add(pages.open(k % 2 == 0 ? SPECIALIST : PATIENT, BenchData.path(type, id)));
        }
        double[] every = new double[reps];
        double[] each = new double[reps * perCall];
        double[] toPages = new double[reps];
        double[] pagesOnly = new double[reps];
        int auditFirst = 0;
        double[] inCaller = new double[reps];
        long cpu0 = 0;
        long wall0 = 0;
        for (int r = 0; r < warmup + reps; r++) {
            if (r == warmup) {
                cpu0 = Cpu.processNanos();
                wall0 = System.nanoTime();
            }
            open.forEach(BenchPages::dismissNotifications);
            open.forEach(p -> p.push().reset());
            toPagesAt[0] = 0;
            long t0 = System.nanoTime();
            timers.extend(SPECIALIST_ACTOR, type, id, 60);
            long returned = System.nanoTime();
            long give = returned + 5_000_000_000L;
            while (open.stream().anyMatch(p -> p.push().lastPushNanos == 0)) {
                if (System.nanoTime() > give) {
                    throw new AssertionError("a page got no push within 5 s of an extension");
                }
                Cpu.awaitNanoTime(System.nanoTime() + 20_000);
            }
            if (r >= warmup) {
                int i = r - warmup;
                long last = 0;
                for (int k = 0; k < perCall; k++) {
                    long at = open.get(k).push().lastPushNanos;
                    each[i * perCall + k] = (at - t0) / 1e6;
                    last = Math.max(last, at);
                }
                every[i] = (last - t0) / 1e6;
                toPages[i] = (toPagesAt[0] - t0) / 1e6;
                pagesOnly[i] = (last - toPagesAt[0]) / 1e6;
                auditFirst += eventProbe.publishedAt < toPagesAt[0] ? 1 : 0;
                inCaller[i] = (returned - t0) / 1e6;
            }
            Cpu.awaitNanoTime(t0 + 20_000_000);
        }
        double cpuShare = (Cpu.processNanos() - cpu0) / (double) (System.nanoTime() - wall0);
        long expected = open.getFirst().countdown().endsAtMillis();
        if (open.stream().anyMatch(p -> p.countdown().endsAtMillis() != expected)) {
            throw new AssertionError("the pages of " + cid + " disagree on the deadline");
        }
        report.line("%s, %d pages per call (%s):", label, perCall, BenchReport.load());
        report.line("  extension -> every page applied and pushed: %s", Stats.of(every).format("ms"));
        report.line("  extension -> each page:                     %s", Stats.of(each).format("ms"));
        report.line("  of which extend() up to the pages (checks, DB write%s): %s",
                auditFirst > reps / 2 ? ", audit insert" : "", Stats.of(toPages).format("ms"));
        report.line("  of which the pages (UI.access, apply, encode):       %s", Stats.of(pagesOnly).format("ms"));
        report.line("  the application's listeners (audit log) heard it before the pages in %d of %d", auditFirst, reps);
        report.line("  extend() call returned:                      %s", Stats.of(inCaller).format("ms"));
        report.line("  process CPU while measuring: %.0f %% of one core", cpuShare * 100);
        open.forEach(pages::close);
        probe.close();
    }
}
