package org.careclock.bench;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark 5: the production jar. Starts {@code target/careclock-*.jar} as its own process with
 * the production defaults (embedded H2 file database in a fresh working directory, demo data, no
 * JVM options), once on an empty database and then again on the same database; start-up is the
 * time from launching {@code java} to the first successful page, and Spring's own "Started ... in"
 * figure. Then resident memory (VmRSS) and heap after a full GC, idle and with 50 in-call pages
 * open in headless Chromium (50 signed-in browsers, alternately the specialist and the patient of
 * the demo appointment {@code appointment:test-call}).
 *
 * <p>Needs the jar: {@code ./mvnw -B -DskipTests package}, then
 * {@code ./mvnw -B -Pbench test -Dtest=ProductionJarBenchmark}
 * (options: {@code -Dbench.port=8084 -Dbench.pages=50 -Dbench.starts=3}).
 */
@Tag("benchmark")
class ProductionJarBenchmark {

    private static final String PASSWORD = "bench-pass-2026";
    private static final Pattern STARTED = Pattern.compile("Started CareClockApplication in ([0-9.]+) seconds");

    @Test
    void start_up_and_resident_memory() throws Exception {
        int port = BenchReport.intProperty("bench.port", 8084);
        int pages = BenchReport.intProperty("bench.pages", 50);
        int starts = BenchReport.intProperty("bench.starts", 3);
        Path jar = jar();
        Path work = Files.createDirectories(Path.of("target", "bench-jar", "run-" + System.currentTimeMillis()));
        BenchReport report = new BenchReport("production-jar");
        report.line("%s, %.1f MiB, port %d, working directory %s", jar.getFileName(), Files.size(jar) / 1048576.0, port, work);

        List<Double> ready = new ArrayList<>();
        List<Double> spring = new ArrayList<>();
        Server server = null;
        for (int i = 0; i <= starts; i++) {
            server = Server.start(jar, work, port);
            report.line("start %d (%s database): first page after %.2f s; Spring: started in %s s (%s)", i,
                    i == 0 ? "empty" : "existing", server.readySeconds, server.springSeconds, BenchReport.load());
            if (i > 0) {
                ready.add(server.readySeconds);
                spring.add(Double.parseDouble(server.springSeconds));
            }
            if (i < starts) {
                server.stop();
            }
        }
        report.line("start-up on an existing database, %d starts: first page %s; Spring's figure %s", starts,
                Stats.of(ready).format("s"), Stats.of(spring).format("s"));

        Cpu.awaitNanoTime(System.nanoTime() + 20_000_000_000L);
        long rssIdleAsIs = server.rssKb();
        long heapIdle = server.heapAfterGcKb();
        long rssIdle = server.rssKb();
        Histogram histIdle = Histogram.of(server.process.pid());
        report.line("idle 20 s after start: resident %.1f MiB as it ran, %.1f MiB after a full GC; heap after GC %.1f MiB (%s)",
                rssIdleAsIs / 1024.0, rssIdle / 1024.0, heapIdle / 1024.0, BenchReport.load());

        String base = "http://localhost:" + port;
        try (BenchChromium chromium = new BenchChromium()) {
            long opening = System.nanoTime();
            List<Page> open = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                Page page = chromium.signedIn(base, i % 2 == 0 ? BenchData.SPECIALIST : BenchData.PATIENT, PASSWORD);
                page.navigate(base + "/call/appointment/test-call");
                page.locator("#countdown").waitFor();
                open.add(page);
            }
            report.line("opened %d in-call pages (%d signed-in browsers) in %.1f s", open.size(), open.size(),
                    (System.nanoTime() - opening) / 1e9);
            // 40 s: past Vaadin's clean-up of the sign-in pages' UIs (three missed 10 s heartbeats)
            Cpu.awaitNanoTime(System.nanoTime() + 40_000_000_000L);
            long rssPagesAsIs = server.rssKb();
            long heapPages = server.heapAfterGcKb();
            long rssPages = server.rssKb();
            report.line("with %d in-call pages, 40 s later: resident %.1f MiB as it ran, %.1f MiB after a full GC "
                            + "(%+.1f MiB, %.0f KB per page); heap after GC %.1f MiB (%+.1f MiB, %.0f KB per page) (%s)", pages,
                    rssPagesAsIs / 1024.0, rssPages / 1024.0, (rssPages - rssIdle) / 1024.0,
                    (rssPages - rssIdle) / (double) pages, heapPages / 1024.0, (heapPages - heapIdle) / 1024.0,
                    (heapPages - heapIdle) / (double) pages, BenchReport.load());
            Histogram histPages = Histogram.of(server.process.pid());
            report.line("  what the pages hold (live heap, largest growth):");
            histPages.growthSince(histIdle, 12).forEach(l -> report.line("    %s", l));
            for (String cls : List.of("VaadinSession", "component.UI", "session.ui.CallView", "AtmosphereResourceImpl",
                    "StandardSession", "WsSession")) {
                report.line("  live instances of *%s: %d idle, %d with the pages", cls, histIdle.instancesLike(cls),
                        histPages.instancesLike(cls));
            }
            report.line("server peak resident (VmHWM) %.1f MiB", server.status("VmHWM") / 1024.0);
        } finally {
            server.stop();
        }
        report.save();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("careclock-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/careclock-*.jar: run ./mvnw -B -DskipTests package first"));
        }
    }

    /** The jar running as a child process of this benchmark (stopped by its own handle, never by name). */
    private static final class Server {
        final Process process;
        final double readySeconds;
        final String springSeconds;

        private Server(Process process, double readySeconds, String springSeconds) {
            this.process = process;
            this.readySeconds = readySeconds;
            this.springSeconds = springSeconds;
        }

        static Server start(Path jar, Path work, int port) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port).directory(work.toFile()).redirectErrorStream(true);
            builder.environment().put("CARECLOCK_DEMO_PASSWORD", PASSWORD);
            long launched = System.nanoTime();
            Process process = builder.start();
            CompletableFuture<String> spring = new CompletableFuture<>();
            Path log = work.resolve("server-" + process.pid() + ".log");
            Thread.ofPlatform().daemon().name("bench-server-log").start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     var out = Files.newBufferedWriter(log)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write(line);
                        out.newLine();
                        Matcher m = STARTED.matcher(line);
                        if (m.find()) {
                            spring.complete(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    spring.completeExceptionally(e);
                }
            });
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5)).build();
            long giveUp = launched + 180_000_000_000L;
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The jar exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > giveUp) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The jar did not answer within 180 s; see " + log);
                }
                Cpu.awaitNanoTime(System.nanoTime() + 20_000_000L);
            }
            double ready = (System.nanoTime() - launched) / 1e9;
            return new Server(process, ready, spring.get(30, TimeUnit.SECONDS));
        }

        long rssKb() {
            return status("VmRSS");
        }

        long status(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("no " + field);
        }

        long heapAfterGcKb() {
            Histogram.jcmd(process.pid(), "GC.run");
            Matcher m = Pattern.compile("used (\\d+)K").matcher(Histogram.jcmd(process.pid(), "GC.heap_info"));
            if (!m.find()) {
                throw new IllegalStateException("no heap figure from jcmd");
            }
            return Long.parseLong(m.group(1));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
