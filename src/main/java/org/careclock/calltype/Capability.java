package org.careclock.calltype;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a role may do in a call of a given type. Wire names are those of the call API. */
public enum Capability {
    JOIN_CALL("join-call"),
    SEND_AUDIO("send-audio"),
    SEND_VIDEO("send-video"),
    UPDATE_CALL("update-call"),
    UPDATE_CALL_SETTINGS("update-call-settings"),
    END_CALL("end-call"),
    READ_CALL("read-call"),
    JOIN_ENDED_CALL("join-ended-call"),
    CREATE_CALL("create-call"),
    /** Derived: held exactly when both {@link #UPDATE_CALL} and {@link #UPDATE_CALL_SETTINGS} are. */
    CHANGE_MAX_DURATION("change-max-duration");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean derived() {
        return this == CHANGE_MAX_DURATION;
    }

    /** The capabilities a call type may grant (all but the derived one), in display order. */
    public static Set<Capability> grantable() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(CHANGE_MAX_DURATION)));
    }

    public static Optional<Capability> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    /** The granted set plus what it implies. */
    public static Set<Capability> withDerived(Set<Capability> granted) {
        EnumSet<Capability> all = granted.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(granted);
        if (all.contains(UPDATE_CALL) && all.contains(UPDATE_CALL_SETTINGS)) {
            all.add(CHANGE_MAX_DURATION);
        }
        return Collections.unmodifiableSet(all);
    }
}
