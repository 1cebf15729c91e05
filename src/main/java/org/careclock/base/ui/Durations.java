package org.careclock.base.ui;

/** Human forms of durations given in seconds. */
public final class Durations {

    private Durations() {
    }

    /** "1 h 30 min", "10 min", "45 s", "no limit" for 0. */
    public static String human(int seconds) {
        if (seconds <= 0) {
            return "no limit";
        }
        int h = seconds / 3600;
        int m = (seconds % 3600) / 60;
        int s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.isEmpty() ? "" : " ").append(m).append(" min");
        }
        if (s > 0) {
            out.append(out.isEmpty() ? "" : " ").append(s).append(" s");
        }
        return out.toString();
    }

    /** "+10 min", "+30 s" for extension buttons. */
    public static String extension(int seconds) {
        return "+" + human(seconds);
    }

    /** "20 minutes", "30 seconds", "1 hour" for alert sentences. */
    public static String spoken(int seconds) {
        if (seconds % 3600 == 0) {
            int h = seconds / 3600;
            return h + (h == 1 ? " hour" : " hours");
        }
        if (seconds % 60 == 0) {
            int m = seconds / 60;
            return m + (m == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
