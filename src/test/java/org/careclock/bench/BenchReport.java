package org.careclock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark found, printed and kept in {@code target/benchmarks/NAME.txt} (appended, so
 * reruns stay side by side). Every section notes the machine's load averages, since the
 * machines these run on are shared.
 */
final class BenchReport {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    BenchReport(String name) {
        this.name = name;
        line("## %s · %s", name, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("machine: %d cores, %s; java %s; max heap %d MiB", Runtime.getRuntime().availableProcessors(),
                load(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The load averages over 1, 5 and 15 minutes, as uptime shows them. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "load %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    BenchReport line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        lines.add(text);
        System.out.println("[bench] " + text);
        return this;
    }

    void save() {
        Path file = Paths.get(System.getProperty("careclock.bench.out", "target/benchmarks"), name + ".txt");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join(System.lineSeparator(), lines) + System.lineSeparator()
                            + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int intProperty(String key, int fallback) {
        return Integer.parseInt(System.getProperty(key, String.valueOf(fallback)));
    }
}
