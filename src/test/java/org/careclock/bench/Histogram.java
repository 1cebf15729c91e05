package org.careclock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A class histogram of a JVM's live heap (jcmd GC.class_histogram, which collects first): instances and bytes per class. */
record Histogram(Map<String, long[]> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    static Histogram of(long pid) {
        return parse(jcmd(pid, "GC.class_histogram"));
    }

    /** This JVM's histogram through its diagnostic command MBean (no attaching to itself). */
    static Histogram ofThisJvm() {
        try {
            Object out = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return parse((String) out);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Histogram parse(String text) {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return new Histogram(classes);
    }

    /** Live instances of the classes whose name ends with {@code suffix} (or contains it, for lambdas). */
    long instancesLike(String suffix) {
        return classes.entrySet().stream().filter(e -> e.getKey().endsWith(suffix) || (suffix.contains("$$Lambda")
                && e.getKey().contains(suffix))).mapToLong(e -> e.getValue()[0]).sum();
    }

    /** The classes that grew most in bytes from {@code before} to this one, formatted one per line. */
    List<String> growthSince(Histogram before, int top) {
        List<Map.Entry<String, long[]>> diff = new ArrayList<>();
        for (Map.Entry<String, long[]> e : classes.entrySet()) {
            long[] b = before.classes.getOrDefault(e.getKey(), new long[2]);
            diff.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
        }
        diff.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        return diff.stream().limit(top).map(e -> String.format(java.util.Locale.ROOT, "%+,d instances %+,d bytes  %s",
                e.getValue()[0], e.getValue()[1], e.getKey())).toList();
    }

    /** Runs jcmd of this JDK against {@code pid}. */
    static String jcmd(long pid, String... command) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(String.valueOf(pid));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
