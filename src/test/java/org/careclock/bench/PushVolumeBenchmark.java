package org.careclock.bench;

import org.careclock.call.CallService;
import org.careclock.calltype.CallTypeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.careclock.bench.BenchData.PATIENT;
import static org.careclock.bench.BenchData.SPECIALIST;

/**
 * Benchmark 3, in-process: push messages and server CPU over 60 s of a quiet call (nobody joins,
 * leaves or extends; no alert falls due), with CareClock's client-side countdown against a
 * baseline that pushes the time from the server every second. The baseline is a switch of this
 * benchmark only: a ticker that, once a second, sets every page's countdown to the server's "now"
 * inside {@code UI.access} — what a server-side countdown would send. Measured alone (one call,
 * two pages) and with 1,000 other calls of two pages each.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=PushVolumeBenchmark}
 * (options: {@code -Dbench.seconds=60 -Dbench.calls=1000}).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"careclock.session.presence-timeout=6h", "logging.level.root=warn",
        "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
class PushVolumeBenchmark {

    @Autowired ApplicationContext context;
    @Autowired CallTypeService types;
    @Autowired CallService calls;

    @Test
    void a_quiet_call_pushes_nothing() {
        int seconds = BenchReport.intProperty("bench.seconds", 60);
        int background = BenchReport.intProperty("bench.calls", 1000);
        BenchReport report = new BenchReport("push-volume-in-process");
        BenchPages pages = new BenchPages(context);
        BenchData data = new BenchData(types, calls);
        String type = data.callType(3600, List.of(600, 300), 180, 60, 300);
        String quiet = data.call(type);
        List<BenchPages.Page> quietPages = List.of(pages.open(SPECIALIST, BenchData.path(type, quiet)),
                pages.open(PATIENT, BenchData.path(type, quiet)));
        run(report, "one call, 2 pages", quietPages, quietPages, seconds);

        List<BenchPages.Page> all = new ArrayList<>(quietPages);
        for (int i = 0; i < background; i++) {
            String id = data.call(type);
            all.add(pages.open(SPECIALIST, BenchData.path(type, id)));
            all.add(pages.open(PATIENT, BenchData.path(type, id)));
        }
        run(report, "with " + background + " other calls (" + all.size() + " pages)", quietPages, all, seconds);
        all.forEach(pages::close);
        report.save();
    }

    private void run(BenchReport report, String label, List<BenchPages.Page> quiet, List<BenchPages.Page> all, int seconds) {
        for (boolean serverTick : new boolean[] {false, true}) {
            all.forEach(p -> p.push().reset());
            ScheduledExecutorService ticker = null;
            long tickerCpu0 = 0;
            if (serverTick) {
                ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-server-tick"));
                ticker.scheduleAtFixedRate(() -> all.forEach(BenchPages::tick), 0, 1, TimeUnit.SECONDS);
            }
            long cpu0 = Cpu.processNanos();
            long t0 = System.nanoTime();
            long[] previous = new long[quiet.size()];
            int secondsWithPush = 0;
            for (int s = 1; s <= seconds; s++) {
                Cpu.awaitNanoTime(t0 + s * 1_000_000_000L + 500_000_000L);
                boolean pushed = false;
                for (int k = 0; k < quiet.size(); k++) {
                    long now = quiet.get(k).push().messages.get();
                    pushed |= now != previous[k];
                    previous[k] = now;
                }
                secondsWithPush += pushed ? 1 : 0;
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuMsPerS = (Cpu.processNanos() - cpu0) / 1e6 / wall;
            double tickCpu = serverTick ? Cpu.threadsNanos("bench-server-tick") / 1e6 / wall : 0;
            if (ticker != null) {
                ticker.shutdownNow();
            }
            long quietMessages = quiet.stream().mapToLong(p -> p.push().messages.get()).sum();
            long quietChars = quiet.stream().mapToLong(p -> p.push().chars.get()).sum();
            long allMessages = all.stream().mapToLong(p -> p.push().messages.get()).sum();
            long allChars = all.stream().mapToLong(p -> p.push().chars.get()).sum();
            report.line("%s, %s, %.0f s (%s):", label, serverTick ? "BASELINE server tick every second" : "CareClock (countdown in the browser)",
                    wall, BenchReport.load());
            report.line("  quiet call: %.3f push messages per page per second, %.0f bytes per page per second; "
                            + "seconds with a push: %d of %d", quietMessages / (double) quiet.size() / wall,
                    quietChars / (double) quiet.size() / wall, secondsWithPush, seconds);
            report.line("  all %d pages: %.1f messages/s, %.1f KB/s; process CPU %.1f ms/s (%.1f %% of one core)%s",
                    all.size(), allMessages / wall, allChars / 1024.0 / wall, cpuMsPerS, cpuMsPerS / 10,
                    serverTick ? String.format(java.util.Locale.ROOT, ", of which the tick thread %.1f ms/s", tickCpu) : "");
        }
    }
}
