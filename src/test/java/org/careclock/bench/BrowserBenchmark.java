package org.careclock.bench;

import com.microsoft.playwright.Page;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.careclock.base.ui.Countdown;
import org.careclock.call.CallService;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.SessionTimerService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.careclock.bench.BenchData.PATIENT;
import static org.careclock.bench.BenchData.SPECIALIST;
import static org.careclock.bench.BenchData.SPECIALIST_ACTOR;

/**
 * Benchmarks 2 and 3 in a real browser: CareClock on a free loopback port (real clock, real
 * scheduler, WebSocket push), headless Chromium with the specialist and the patient on the same
 * in-call page, each in a browser of their own.
 * <ul>
 *   <li>Fan-out: from the server's {@code extend()} call to the new deadline being in each page's
 *   DOM (a MutationObserver on the countdown's {@code data-ends-at} notes the time). Browser and
 *   server share the machine's clock; the offset is measured and reported.</li>
 *   <li>Push volume: WebSocket messages each page receives in 60 s of a quiet call, with
 *   CareClock's client-side countdown and with the benchmark's server-tick baseline (a ticker that
 *   sets every open countdown to the server's "now" once a second), and the server's CPU.</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=BrowserBenchmark}
 * (options: {@code -Dbench.reps=100 -Dbench.seconds=60}).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careclock.session.presence-timeout=30s", "logging.level.root=warn", "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
@Import(BrowserBenchmark.OpenUis.class)
class BrowserBenchmark {

    /** Every open UI of the server, so the baseline ticker can reach the pages' countdowns. */
    static class OpenUis implements VaadinServiceInitListener {
        final Set<UI> uis = ConcurrentHashMap.newKeySet();

        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.getSource().addUIInitListener(e -> {
                UI ui = e.getUI();
                uis.add(ui);
                ui.addDetachListener(d -> uis.remove(ui));
            });
        }
    }

    private static final String PASSWORD = "test-pass-1";
    private static final String OBSERVE = """
            () => {
              const el = document.querySelector('#countdown');
              window.__seen = [];
              new MutationObserver(() => window.__seen.push(performance.timeOrigin + performance.now()))
                  .observe(el, {attributes: true, attributeFilter: ['data-ends-at']});
            }""";

    @LocalServerPort int port;
    @Autowired SessionTimerService timers;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired OpenUis openUis;

    @Test
    void extension_and_quiet_call_in_chromium() {
        int reps = BenchReport.intProperty("bench.reps", 100);
        int warmup = BenchReport.intProperty("bench.warmup", 10);
        int seconds = BenchReport.intProperty("bench.seconds", 60);
        String base = "http://localhost:" + port;
        BenchReport report = new BenchReport("browser");
        BenchData data = new BenchData(types, calls);
        String type = data.callType(3600, List.of(600, 300), 180, 60, 300);
        String id = data.call(type);
        try (BenchChromium chromium = new BenchChromium()) {
            Page specialist = chromium.signedIn(base, SPECIALIST, PASSWORD);
            Page patient = chromium.signedIn(base, PATIENT, PASSWORD);
            BenchChromium.openCall(specialist, base, type, id, 1);
            BenchChromium.openCall(patient, base, type, id, 2);
            specialist.locator("#participants[data-count='2']").waitFor();
            List<Page> both = List.of(specialist, patient);
            report.line("Chromium %s, two pages in one call over loopback WebSocket push (%s)",
                    chromium.browser.version(), BenchReport.load());
            report.line("browser clock - server clock: %s", clockOffset(specialist));

            fanOut(report, both, type, id, reps, warmup);
            // let the extension notifications of the fan-out close (and their requests end) before counting
            Cpu.awaitNanoTime(System.nanoTime() + 15_000_000_000L);
            pushVolume(report, both, seconds, false);
            pushVolume(report, both, seconds, true);
        }
        report.save();
    }

    private void fanOut(BenchReport report, List<Page> pages, String type, String id, int reps, int warmup) {
        pages.forEach(p -> p.evaluate(OBSERVE));
        List<Double> each = new ArrayList<>();
        List<Double> every = new ArrayList<>();
        for (int r = 0; r < warmup + reps; r++) {
            long started = System.nanoTime();
            double t0 = epochMillis(Instant.now());
            timers.extend(SPECIALIST_ACTOR, type, id, 60);
            double last = 0;
            for (Page p : pages) {
                p.waitForFunction("n => window.__seen.length >= n", r + 1);
                double seen = ((Number) p.evaluate("n => window.__seen[n - 1]", r + 1)).doubleValue();
                last = Math.max(last, seen - t0);
                if (r >= warmup) {
                    each.add(seen - t0);
                }
            }
            if (r >= warmup) {
                every.add(last);
            }
            Cpu.awaitNanoTime(started + 250_000_000L);
        }
        report.line("fan-out to Chromium, %d extensions, one every 250 ms (%s):", reps, BenchReport.load());
        report.line("  extension -> new deadline in every page's DOM: %s", Stats.of(every).format("ms"));
        report.line("  extension -> each page:                        %s", Stats.of(each).format("ms"));
    }

    @SuppressWarnings("unchecked")
    private void pushVolume(BenchReport report, List<Page> pages, int seconds, boolean serverTick) {
        pages.forEach(p -> p.evaluate("() => { window.__frames.length = 0; window.__requests.length = 0; }"));
        ScheduledExecutorService ticker = null;
        if (serverTick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-server-tick"));
            ticker.scheduleAtFixedRate(this::tickEveryPage, 0, 1, TimeUnit.SECONDS);
        }
        long cpu0 = Cpu.processNanos();
        long t0 = System.nanoTime();
        double browserT0 = ((Number) pages.getFirst().evaluate("() => performance.timeOrigin + performance.now()")).doubleValue();
        Cpu.awaitNanoTime(t0 + seconds * 1_000_000_000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (Cpu.processNanos() - cpu0) / 1e6 / wall;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        long messages = 0;
        long other = 0;
        long bytes = 0;
        long requests = 0;
        Set<String> otherKinds = new java.util.TreeSet<>();
        String sample = null;
        Set<Long> secondsWithPush = new HashSet<>();
        for (Page p : pages) {
            for (List<Object> f : (List<List<Object>>) p.evaluate("() => window.__frames")) {
                if ("uidl".equals(f.get(2))) {
                    sample = sample == null ? (String) f.get(3) : sample;
                    messages++;
                    bytes += ((Number) f.get(1)).longValue();
                    long second = (long) Math.floor((((Number) f.get(0)).doubleValue() - browserT0) / 1000);
                    if (second >= 0 && second < seconds) {
                        secondsWithPush.add(second);
                    }
                } else {
                    other++;
                    otherKinds.add(String.valueOf(f.get(3)).replaceAll("[0-9]", "9"));
                }
            }
            requests += ((List<?>) p.evaluate("() => window.__requests")).size();
        }
        report.line("%s, %d pages, %.0f s (%s):", serverTick ? "BASELINE server tick every second"
                : "CareClock (countdown in the browser)", pages.size(), wall, BenchReport.load());
        report.line("  %.3f push messages per page per second (%d in all, %.0f bytes per page per second); "
                        + "seconds with a push: %d of %d; other WebSocket frames %d; requests from the pages %d (heartbeats)",
                messages / (double) pages.size() / wall, messages, bytes / (double) pages.size() / wall,
                secondsWithPush.size(), seconds, other, requests);
        report.line("  server process CPU %.1f ms/s (%.2f %% of one core)", cpu, cpu / 10);
        if (sample != null) {
            report.line("  a push message begins: %s", sample);
        }
        if (!otherKinds.isEmpty()) {
            report.line("  other frames: %s", otherKinds);
        }
    }

    private void tickEveryPage() {
        for (UI ui : openUis.uis) {
            try {
                ui.access(() -> BenchPages.find(ui, Countdown.class).forEach(c -> {
                    Long endsAt = c.endsAtMillis();
                    c.show(endsAt == null ? null : Instant.ofEpochMilli(endsAt), Instant.now());
                }));
            } catch (RuntimeException e) {
                // a UI that closed meanwhile
            }
        }
    }

    private static String clockOffset(Page page) {
        double best = Double.MAX_VALUE;
        double offset = 0;
        for (int i = 0; i < 20; i++) {
            double before = epochMillis(Instant.now());
            double browser = ((Number) page.evaluate("() => performance.timeOrigin + performance.now()")).doubleValue();
            double after = epochMillis(Instant.now());
            if (after - before < best) {
                best = after - before;
                offset = browser - (before + after) / 2;
            }
        }
        return String.format(java.util.Locale.ROOT, "%.2f ms ± %.2f ms (best of 20 round trips)", offset, best / 2);
    }

    private static double epochMillis(Instant at) {
        return at.getEpochSecond() * 1000.0 + at.getNano() / 1e6;
    }
}
