package org.careclock.bench;

import org.careclock.call.CallService;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.careclock.session.TimerScheduler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static org.careclock.bench.BenchData.PATIENT;
import static org.careclock.bench.BenchData.SPECIALIST;

/**
 * Benchmark 4: memory per in-call page, and no growth after 10,000 join/leave cycles. Heap in use
 * after full collections with N open in-call pages (each a Vaadin session and UI of its own, two
 * per call, {@link BenchPages}) minus the same without them; then one page joins and leaves a
 * running call 10,000 times beside a page that stays, and the heap, the subscriptions, the
 * runtimes, their open pages and the scheduler's queue must come back to where they were.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=PageMemoryBenchmark}
 * (options: {@code -Dbench.pages=1000 -Dbench.cycles=10000}).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"careclock.session.presence-timeout=6h", "logging.level.root=warn",
        "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
class PageMemoryBenchmark {

    @Autowired ApplicationContext context;
    @Autowired SessionTimerService timers;
    @Autowired SessionEvents events;
    @Autowired TimerScheduler scheduler;
    @Autowired CallTypeService types;
    @Autowired CallService calls;

    @Test
    void memory_per_page_and_no_growth_after_join_leave_cycles() {
        int n = BenchReport.intProperty("bench.pages", 1000);
        int cycles = BenchReport.intProperty("bench.cycles", 10_000);
        BenchReport report = new BenchReport("page-memory");
        BenchPages pages = new BenchPages(context);
        BenchData data = new BenchData(types, calls);
        SchedulerProbe queue = new SchedulerProbe(scheduler);
        RuntimeProbe runtimes = new RuntimeProbe(timers);
        String type = data.callType(3600, List.of(600, 300), 180, 60, 300);

        // warm up: classes loaded, code compiled, caches filled
        for (int i = 0; i < 100; i++) {
            String id = data.call(type);
            BenchPages.Page a = pages.open(SPECIALIST, BenchData.path(type, id));
            BenchPages.Page b = pages.open(PATIENT, BenchData.path(type, id));
            pages.close(a);
            pages.close(b);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n / 2; i++) {
            ids.add(data.call(type));
        }
        long heap0 = Cpu.heapAfterGc();
        String state0 = state(runtimes, queue);
        List<BenchPages.Page> open = new ArrayList<>();
        for (String id : ids) {
            open.add(pages.open(SPECIALIST, BenchData.path(type, id)));
            open.add(pages.open(PATIENT, BenchData.path(type, id)));
        }
        long heapN = Cpu.heapAfterGc();
        String stateN = state(runtimes, queue);
        report.line("%d open in-call pages in %d calls (%s)", open.size(), ids.size(), BenchReport.load());
        report.line("  heap after GC: %.1f MiB without, %.1f MiB with -> %.1f KB per page (session, UI, in-call page, "
                        + "its share of the call's runtime, subscription, liveness task)", heap0 / 1048576.0,
                heapN / 1048576.0, (heapN - heap0) / 1024.0 / open.size());
        report.line("  before: %s", state0);
        report.line("  open:   %s", stateN);
        int opened = open.size();
        open.forEach(pages::close);
        open.clear();
        long heapClosed = Cpu.heapAfterGc();
        report.line("  closed: %s; heap after GC %.1f MiB (%+.1f KB per page against before)", state(runtimes, queue),
                heapClosed / 1048576.0, (heapClosed - heap0) / 1024.0 / opened);

        // join/leave cycles: the patient stays, the specialist's page opens and closes
        String id = data.call(type);
        String cid = type + ":" + id;
        BenchPages.Page stays = pages.open(PATIENT, BenchData.path(type, id));
        int warmCycles = BenchReport.intProperty("bench.warmCycles", 1000);
        for (int i = 0; i < warmCycles; i++) {
            pages.close(pages.open(SPECIALIST, BenchData.path(type, id)));
        }
        // the first histogram is taken before the first heap figure: it stays alive, and counts in both
        Histogram histA = Histogram.ofThisJvm();
        long heapA = Cpu.heapAfterGc();
        String stateA = state(runtimes, queue) + ", subscribers of the call " + events.subscriberCount(cid);
        long t0 = System.nanoTime();
        long batch = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            pages.close(pages.open(SPECIALIST, BenchData.path(type, id)));
            if ((i + 1) % 1000 == 0 || i + 1 == 100) {
                System.out.printf("[bench] ... %d cycles, the last ones at %.2f ms per cycle%n", i + 1,
                        (System.nanoTime() - batch) / 1e6 / ((i + 1) % 1000 == 0 ? 1000 : 100));
                batch = System.nanoTime();
            }
        }
        double took = (System.nanoTime() - t0) / 1e9;
        long heapB = Cpu.heapAfterGc();
        Histogram histB = Histogram.ofThisJvm();
        String stateB = state(runtimes, queue) + ", subscribers of the call " + events.subscriberCount(cid);
        report.line("%d join/leave cycles of one page beside a page that stays, in %.1f s (%.2f ms per cycle) (%s)",
                cycles, took, took * 1000 / cycles, BenchReport.load());
        report.line("  heap after GC: %.2f MiB before, %.2f MiB after: %+.1f KB in all, %+.1f bytes per cycle",
                heapA / 1048576.0, heapB / 1048576.0, (heapB - heapA) / 1024.0, (heapB - heapA) / (double) cycles);
        report.line("  before: %s", stateA);
        report.line("  after:  %s", stateB);
        for (String cls : List.of("VaadinSession", "BenchPages$DeepLinkUI", "session.ui.CallView", "CallRuntime$Page",
                "SessionEvents$$Lambda")) {
            report.line("  live instances of *%s: %d before, %d after", cls, histA.instancesLike(cls), histB.instancesLike(cls));
        }
        report.line("  classes that grew most:");
        histB.growthSince(histA, 8).forEach(l -> report.line("    %s", l));
        pages.close(stays);
        report.save();
    }

    private String state(RuntimeProbe runtimes, SchedulerProbe queue) {
        return String.format(java.util.Locale.ROOT, "runtimes %d, their open pages %d, calls with subscribers %d, "
                        + "timer tasks queued %d, remembered names %d", runtimes.runtimes(), runtimes.pages(),
                events.callsWithSubscribers(), queue.pending(), runtimes.names());
    }
}
