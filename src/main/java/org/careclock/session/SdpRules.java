package org.careclock.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a session description says its sender will send. Pure, so the rule is testable alone:
 * an {@code m=audio} or {@code m=video} section with a non-zero port whose direction is
 * {@code sendrecv} or {@code sendonly} (the default when none is given, at the section or the
 * session level) sends that kind.
 */
public final class SdpRules {

    /** The kinds of media a role's grants govern. */
    public enum Kind { AUDIO, VIDEO }

    private SdpRules() {
    }

    public static Set<Kind> sentKinds(String sdp) {
        Set<Kind> sent = EnumSet.noneOf(Kind.class);
        String sessionDirection = "sendrecv";
        Kind current = null;
        boolean open = false;
        String direction = null;
        boolean inMedia = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                if (inMedia && sends(current, open, direction, sessionDirection)) {
                    sent.add(current);
                }
                inMedia = true;
                String[] parts = line.substring(2).split(" ");
                current = switch (parts[0]) {
                    case "audio" -> Kind.AUDIO;
                    case "video" -> Kind.VIDEO;
                    default -> null;
                };
                open = parts.length > 1 && !parts[1].equals("0");
                direction = null;
            } else if (isDirection(line)) {
                if (inMedia) {
                    direction = line.substring(2);
                } else {
                    sessionDirection = line.substring(2);
                }
            }
        }
        if (inMedia && sends(current, open, direction, sessionDirection)) {
            sent.add(current);
        }
        return sent;
    }

    private static boolean isDirection(String line) {
        return line.equals("a=sendrecv") || line.equals("a=sendonly") || line.equals("a=recvonly")
                || line.equals("a=inactive");
    }

    private static boolean sends(Kind kind, boolean open, String direction, String sessionDirection) {
        String effective = direction != null ? direction : sessionDirection;
        return kind != null && open && (effective.equals("sendrecv") || effective.equals("sendonly"));
    }
}
