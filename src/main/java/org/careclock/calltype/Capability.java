package org.careclock.calltype;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a role may do in a call of a given type. Wire names are those of the call API. */
public enum Capability {
    JOIN_CALL("join-call"),
    /** Joins a call before it is live (the waiting room's other side) and starts it: go-live. */
    JOIN_BACKSTAGE("join-backstage"),
    SEND_AUDIO("send-audio"),
    SEND_VIDEO("send-video"),
    UPDATE_CALL("update-call"),
    UPDATE_CALL_SETTINGS("update-call-settings"),
    END_CALL("end-call"),
    READ_CALL("read-call"),
    JOIN_ENDED_CALL("join-ended-call"),
    CREATE_CALL("create-call"),
    /** Derived: held exactly when both {@link #UPDATE_CALL} and {@link #UPDATE_CALL_SETTINGS} are. */
    CHANGE_MAX_DURATION("change-max-duration", UPDATE_CALL, UPDATE_CALL_SETTINGS);

    private final String wireName;
    /** For a derived capability, what it follows from; empty for the others. */
    private final List<Capability> derivedFrom;

    Capability(String wireName, Capability... derivedFrom) {
        this.wireName = wireName;
        this.derivedFrom = List.of(derivedFrom);
    }

    public String wireName() {
        return wireName;
    }

    /** True for a capability no call type grants: a role holds it when it holds {@link #derivedFrom()}. */
    public boolean derived() {
        return !derivedFrom.isEmpty();
    }

    /** What a derived capability follows from, in words: "update-call and update-call-settings". */
    public String derivedFrom() {
        return derivedFrom.stream().map(Capability::wireName).collect(Collectors.joining(" and "));
    }

    /** The capabilities a call type may grant (all but the derived ones), in display order. */
    public static Set<Capability> grantable() {
        EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
        Arrays.stream(values()).filter(c -> !c.derived()).forEach(out::add);
        return Collections.unmodifiableSet(out);
    }

    public static Optional<Capability> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    /** The granted set plus what it implies. */
    public static Set<Capability> withDerived(Set<Capability> granted) {
        EnumSet<Capability> all = granted.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(granted);
        for (Capability c : values()) {
            if (c.derived() && granted.containsAll(c.derivedFrom)) {
                all.add(c);
            }
        }
        return Collections.unmodifiableSet(all);
    }
}
