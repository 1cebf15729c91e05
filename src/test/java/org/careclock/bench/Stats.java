package org.careclock.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Order statistics of one series of samples (nearest-rank percentiles). */
record Stats(int n, double min, double p50, double p90, double p99, double max, double mean) {

    static Stats of(Collection<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Stats of(double[] samples) {
        if (samples.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        return new Stats(s.length, s[0], rank(s, 50), rank(s, 90), rank(s, 99), s[s.length - 1],
                Arrays.stream(s).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** "p50 1.23 · p90 … · p99 … · max … (n=…)" in the given unit. */
    String format(String unit) {
        return String.format(Locale.ROOT, "p50 %s · p90 %s · p99 %s · max %s %s (min %s, mean %s, n=%d)",
                num(p50), num(p90), num(p99), num(max), unit, num(min), num(mean), n);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
