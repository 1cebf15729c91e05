package org.careclock.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Durations in human units, both ways: shown as "1 h 30 min" ("1 Std. 30 Min." in German) and
 * read back from what people type ("90 min", "1h30", "45 s", "1:30:00", "1 Std. 30 Min."). The
 * unit names come from the bundles ({@code duration.*}); the methods without a locale use the
 * page's. Stored values stay whole seconds.
 */
public final class Durations {

    /** A number and its unit: "1 h", "30min", "45 Sek.". */
    private static final Pattern PART = Pattern.compile("(\\d{1,7})\\s*([\\p{L}.]*)");
    /** "1:30" (hours:minutes) or "1:30:00" (hours:minutes:seconds). */
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,4}):([0-5]?\\d)(?::([0-5]?\\d))?");

    private Durations() {
    }

    /** "1 h 30 min", "10 min", "45 s"; "no limit" for 0 — in the page's language. */
    public static String human(int seconds) {
        return human(seconds, Translations.current());
    }

    public static String human(int seconds, Locale locale) {
        if (seconds <= 0) {
            return Translations.text(locale, "duration.no-limit");
        }
        return units(seconds, locale);
    }

    /** As {@link #human}, but 0 reads "0 min": what a duration field shows. */
    public static String typed(int seconds, Locale locale) {
        return seconds <= 0 ? "0 " + Translations.text(locale, "duration.min") : units(seconds, locale);
    }

    private static String units(int seconds, Locale locale) {
        int h = seconds / 3600;
        int m = (seconds % 3600) / 60;
        int s = seconds % 60;
        List<String> parts = new ArrayList<>();
        if (h > 0) {
            parts.add(h + " " + Translations.text(locale, "duration.h"));
        }
        if (m > 0) {
            parts.add(m + " " + Translations.text(locale, "duration.min"));
        }
        if (s > 0) {
            parts.add(s + " " + Translations.text(locale, "duration.s"));
        }
        return String.join(" ", parts);
    }

    /** "+10 min", "+30 s" for extension buttons. */
    public static String extension(int seconds) {
        return "+" + human(seconds);
    }

    /** "20 minutes", "30 seconds", "1 hour" for sentences, in the page's language. */
    public static String spoken(int seconds) {
        return spoken(seconds, Translations.current());
    }

    public static String spoken(int seconds, Locale locale) {
        if (seconds % 3600 == 0 && seconds > 0) {
            return Translations.text(locale, "duration.hours", seconds / 3600);
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return Translations.text(locale, "duration.minutes", seconds / 60);
        }
        return Translations.text(locale, "duration.seconds", seconds);
    }

    /**
     * Whole seconds from what a person typed, in either language: "1 h 30 min", "90 min", "1h30",
     * "45 s", "1:30" (h:mm), "1:30:00", "1 Std. 30 Min."; a bare number counts as minutes.
     * Empty when the text is no duration (or longer than a year).
     */
    public static Optional<Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String input = text.strip().toLowerCase(Locale.ROOT);
        Matcher clock = CLOCK.matcher(input);
        if (clock.matches()) {
            long total = Long.parseLong(clock.group(1)) * 3600 + Long.parseLong(clock.group(2)) * 60
                    + (clock.group(3) == null ? 0 : Long.parseLong(clock.group(3)));
            return bounded(total);
        }
        Matcher part = PART.matcher(input);
        long total = 0;
        int at = 0;
        long lastUnit = 0;
        while (at < input.length()) {
            if (Character.isWhitespace(input.charAt(at))) {
                at++;
                continue;
            }
            if (!part.find(at) || part.start() != at || part.end() == at) {
                return Optional.empty();
            }
            long value = Long.parseLong(part.group(1));
            long unit = unit(part.group(2), lastUnit);
            if (unit == 0 || lastUnit != 0 && unit >= lastUnit) {
                return Optional.empty(); // unknown unit, or units out of order ("30 min 1 h")
            }
            total += value * unit;
            lastUnit = unit;
            at = part.end();
        }
        return lastUnit == 0 ? Optional.empty() : bounded(total);
    }

    /** Seconds in one {@code unit}; a missing unit is minutes, or seconds after minutes ("1h30" is 1 h 30 min). */
    private static long unit(String unit, long previous) {
        String u = unit.endsWith(".") ? unit.substring(0, unit.length() - 1) : unit;
        return switch (u) {
            case "h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden" -> 3600;
            case "m", "min", "mins", "minute", "minutes", "minuten" -> 60;
            case "s", "sec", "secs", "second", "seconds", "sek", "sekunde", "sekunden" -> 1;
            case "" -> previous == 3600 ? 60 : previous == 60 ? 1 : 60;
            default -> 0;
        };
    }

    private static Optional<Integer> bounded(long seconds) {
        return seconds > 366L * 24 * 3600 ? Optional.empty() : Optional.of((int) seconds);
    }

    /** "20 min, 5 min" from a list of seconds. */
    public static String typedList(List<Integer> seconds, Locale locale) {
        return seconds.stream().map(s -> typed(s, locale)).collect(Collectors.joining(", "));
    }

    /**
     * A list typed as "20 min, 5 min, 30 s" (commas or semicolons between) to seconds; empty
     * when any item is no duration, {@code bad} then holding it.
     */
    public static Optional<List<Integer>> parseList(String text, StringBuilder bad) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return Optional.of(out);
        }
        for (String item : text.split("[,;]")) {
            if (item.isBlank()) {
                continue;
            }
            Optional<Integer> parsed = parse(item);
            if (parsed.isEmpty()) {
                bad.append(item.strip());
                return Optional.empty();
            }
            out.add(parsed.get());
        }
        return Optional.of(out);
    }
}
