package org.careclock.bench;

import com.microsoft.playwright.Page;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.call.CallService;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionTimerService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audio and video in real Chromium (fake camera and microphone, loopback): for each of
 * {@code bench.calls} two-person calls, the time from the second participant's join (the server
 * counting them present) to the first decoded remote video frame on both pages; the signalling
 * messages and bytes the server relayed to set the call up; and at the end, from the end's commit
 * to every local track stopped and connection closed on both pages. Then a connected call in
 * steady state for {@code bench.seconds}: signalling messages relayed, and the server's CPU beside
 * the same two pages in a call whose roles may send no media (no connections at all).
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=MediaBenchmark}
 * (options: {@code -Dbench.calls=20 -Dbench.warmup=2 -Dbench.seconds=30}).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careclock.session.presence-timeout=30s", "logging.level.root=warn", "logging.level.org.careclock=warn"})
@ActiveProfiles("test")
@Import(MediaBenchmark.Relayed.class)
class MediaBenchmark {

    /** What the server relayed and when the second participant arrived, per call. */
    static class Relayed {
        final Map<String, AtomicLong> messages = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();
        final Map<String, Long> secondJoin = new ConcurrentHashMap<>();

        @EventListener
        void on(SessionEvent.SignalRelayed e) {
            messages.computeIfAbsent(e.cid(), c -> new AtomicLong()).incrementAndGet();
            bytes.computeIfAbsent(e.cid(), c -> new AtomicLong()).addAndGet(e.payload().getBytes(StandardCharsets.UTF_8).length);
        }

        @EventListener
        void on(SessionEvent.PresenceChanged e) {
            if (e.present().size() == 2) {
                secondJoin.putIfAbsent(e.cid(), System.currentTimeMillis());
            }
        }

        long messages(String cid) {
            return messages.getOrDefault(cid, new AtomicLong()).get();
        }
    }

    private static final String PASSWORD = "test-pass-1";
    private static final String PROBE = resource("/e2e/media-probe.js");

    @LocalServerPort int port;
    @Autowired SessionTimerService timers;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired Relayed relayed;

    @Test
    void media_setup_end_and_steady_state_in_chromium() {
        int n = BenchReport.intProperty("bench.calls", 20);
        int warmup = BenchReport.intProperty("bench.warmup", 2);
        int seconds = BenchReport.intProperty("bench.seconds", 30);
        String base = "http://localhost:" + port;
        BenchReport report = new BenchReport("media");
        BenchData data = new BenchData(types, calls);
        String type = data.callType(3600, List.of(600, 300), 0, 0, 300);
        List<Double> firstFrame = new ArrayList<>();
        List<Double> messages = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        List<Double> stopped = new ArrayList<>();
        int failed = 0;
        try (BenchChromium chromium = new BenchChromium(true)) {
            Page doctor = chromium.signedIn(base, BenchData.SPECIALIST, PASSWORD, PROBE);
            Page patient = chromium.signedIn(base, BenchData.PATIENT, PASSWORD, PROBE);
            report.line("Chromium %s, two pages per call over loopback, fake camera and microphone (%s)",
                    chromium.browser.version(), BenchReport.load());
            for (int i = 0; i < warmup + n; i++) {
                String id = data.call(type);
                String cid = type + ":" + id;
                BenchChromium.openCall(doctor, base, type, id, 1);
                BenchChromium.openCall(patient, base, type, id, 2);
                double doctorFrame = firstFrame(doctor);
                double patientFrame = firstFrame(patient);
                if (doctorFrame < 0 || patientFrame < 0) {
                    doctor.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/benchmarks/media-stuck-doctor-" + i + ".png")));
                    patient.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/benchmarks/media-stuck-patient-" + i + ".png")));
                    report.line("call %d: no remote frame within 20 s (doctor %s, patient %s)", i,
                            doctor.evaluate("() => document.querySelector('careclock-media video[data-peer-state]')?.getAttribute('data-peer-state')"),
                            patient.evaluate("() => document.querySelector('careclock-media video[data-peer-state]')?.getAttribute('data-peer-state')"));
                    failed++;
                    timers.close(Actor.api(), type, id);
                    continue;
                }
                long joined = relayed.secondJoin.get(cid);
                // Let the candidates still trickling in arrive before counting the setup's messages.
                Cpu.awaitNanoTime(System.nanoTime() + 2_000_000_000L);
                long sent = relayed.messages(cid);
                long sentBytes = relayed.bytes.getOrDefault(cid, new AtomicLong()).get();
                Instant started = calls.getVisible(Actor.api(), type, id).session().startedAt();
                timers.setMaxDuration(Actor.api(), type, id,
                        (int) Duration.between(started, Instant.now()).toSeconds() + 2);
                doctor.locator("#call-ended").waitFor();
                patient.locator("#call-ended").waitFor();
                long endedAt = calls.getVisible(Actor.api(), type, id).endedAt().toEpochMilli();
                double lastStop = Math.max(((Number) doctor.evaluate("() => window.__media.lastStop()")).doubleValue(),
                        ((Number) patient.evaluate("() => window.__media.lastStop()")).doubleValue());
                System.out.printf("call %d: first frame %.0f ms, %d messages, end -> stopped %.0f ms%n", i,
                        Math.max(doctorFrame, patientFrame) - joined, sent, lastStop - endedAt);
                if (i >= warmup) {
                    firstFrame.add(Math.max(doctorFrame, patientFrame) - joined);
                    messages.add((double) sent);
                    bytes.add((double) sentBytes);
                    stopped.add(lastStop - endedAt);
                }
            }
            report.line("%d calls (after %d to warm up), %d without a frame in 20 s, %s", n, warmup, failed, BenchReport.load());
            report.line("  second join -> first decoded remote frame on both pages: %s", Stats.of(firstFrame).format("ms"));
            report.line("  signalling messages to set up one call:                  %s", Stats.of(messages).format(""));
            report.line("  signalling bytes to set up one call:                     %s", Stats.of(bytes).format("B"));
            report.line("  end committed -> every local track stopped, every connection closed, both pages: %s",
                    Stats.of(stopped).format("ms"));

            steadyState(report, data, base, doctor, patient, type, seconds);
        }
        report.save();
    }

    /** A connected call and a call without media, side by side: relayed messages and server CPU. */
    private void steadyState(BenchReport report, BenchData data, String base, Page doctor, Page patient, String type,
                             int seconds) {
        String noMedia = "bench-nomedia-" + System.nanoTime();
        types.create(Actor.api(), new CallTypeSettings(noMedia, 3600,
                Map.of(Roles.SPECIALIST, EnumSet.of(Capability.JOIN_CALL), Roles.PATIENT, EnumSet.of(Capability.JOIN_CALL)),
                List.of(600, 300), List.of(600), 0, 0, 300));
        for (int round = 0; round < 2; round++) {
            for (String t : List.of(type, noMedia)) {
                String id = data.call(t);
                String cid = t + ":" + id;
                BenchChromium.openCall(doctor, base, t, id, 1);
                BenchChromium.openCall(patient, base, t, id, 2);
                if (t.equals(type)) {
                    firstFrame(doctor);
                    firstFrame(patient);
                }
                Cpu.awaitNanoTime(System.nanoTime() + 5_000_000_000L);
                long messagesBefore = relayed.messages(cid);
                long cpuBefore = Cpu.processNanos();
                long wallBefore = System.nanoTime();
                Cpu.awaitNanoTime(wallBefore + seconds * 1_000_000_000L);
                double cpuMsPerSecond = (Cpu.processNanos() - cpuBefore) / 1e6 / ((System.nanoTime() - wallBefore) / 1e9);
                long relayedMessages = relayed.messages(cid) - messagesBefore;
                report.line("round %d, %s: %d signalling messages in %d s (%.2f/s), server CPU %.2f ms per second (%s)",
                        round + 1, t.equals(type) ? "call with audio and video" : "same pages, no media   ",
                        relayedMessages, seconds, relayedMessages / (double) seconds, cpuMsPerSecond, BenchReport.load());
                timers.close(Actor.api(), t, id);
                doctor.locator("#call-ended").waitFor();
            }
        }
    }

    /** The first decoded remote frame's time (epoch ms), or -1 after 20 s without one. */
    private static double firstFrame(Page page) {
        return ((Number) page.evaluate("() => Promise.race([window.__media.firstFrame(), "
                + "new Promise(r => setTimeout(() => r(-1), 20000))])")).doubleValue();
    }

    private static String resource(String path) {
        try (InputStream in = MediaBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
